// The UI's strings: English always at hand (and the fallback), German and
// Spanish loaded when chosen, so nobody downloads languages they do not read.
// The language comes from the visitor's choice (kept in localStorage) or
// navigator.language.
import { en, type Key, type Table } from "./strings/en";

export type { Key };
export const languages = { en: "English", de: "Deutsch", es: "Español" } as const;
export type Lang = keyof typeof languages;

const loaders: Record<Lang, () => Promise<Table>> = {
  en: async () => en,
  de: () => import("./strings/de").then((m) => m.de),
  es: () => import("./strings/es").then((m) => m.es),
};
const tables: Partial<Record<Lang, Table>> = { en };

function initialLang(): Lang {
  const saved = localStorage.getItem("agora.lang");
  if (saved && saved in languages) return saved as Lang;
  for (const l of navigator.languages ?? [navigator.language]) {
    const base = l.toLowerCase().split("-")[0];
    if (base in languages) return base as Lang;
  }
  return "en";
}

let current: Lang = "en";

async function use(l: Lang) {
  try {
    tables[l] ??= await loaders[l]();
    current = l;
  } catch { /* stay with what is loaded */ }
  document.documentElement.lang = current;
}

// Resolves once the visitor's language is ready to render.
export const ready: Promise<void> = use(initialLang());

export function lang(): Lang {
  return current;
}

export async function setLang(l: Lang) {
  localStorage.setItem("agora.lang", l);
  await use(l);
}

export function t(key: Key, vars: Record<string, string | number> = {}): string {
  const text = tables[current]?.[key] ?? en[key];
  return text.replace(/\{(\w+)\}/g, (_, name) => String(vars[name] ?? ""));
}
