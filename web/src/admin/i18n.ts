// The admin area's strings: loaded with its chunk (all three languages are
// small), so members who never moderate do not download them.
import { lang } from "../i18n";
import { de } from "./strings/de";
import { en, type AdminKey } from "./strings/en";
import { es } from "./strings/es";

const tables = { en, de, es };

export function at(key: AdminKey, vars: Record<string, string | number> = {}): string {
  const text = tables[lang()][key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}
