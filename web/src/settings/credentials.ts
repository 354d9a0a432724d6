// The signed-in member's own account with its editable source
// (verify_credentials), and saving changes (PATCH update_credentials).
import { api } from "../api";
import { t } from "../i18n";
import type { Account } from "../types";

export interface Field { name: string; value: string }
export interface CredentialAccount extends Account {
  discoverable: boolean | null; indexable?: boolean; hide_collections?: boolean | null;
  source: { privacy: string; sensitive: boolean; language: string | null; note: string; fields: Field[] };
}

// Everything goes as multipart form data, as files (avatar, header) need it.
export function saveCredentials(values: Record<string, string | Blob>): Promise<CredentialAccount> {
  const form = new FormData();
  for (const [k, v] of Object.entries(values)) form.append(k, v);
  return api<CredentialAccount>("PATCH", "/api/v1/accounts/update_credentials", form);
}

// A settings form's save state: what to tell the member after trying.
export async function saving(work: () => Promise<unknown>, say: (m: string) => void) {
  try {
    await work();
    say(t("settings.saved"));
  } catch (e) {
    say(t("error", { error: (e as Error).message }));
  }
}
