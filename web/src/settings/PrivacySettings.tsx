// Defaults for new posts (visibility, sensitive media, language) and who may
// find and follow the account.
import { useState } from "preact/hooks";
import { t, type Key } from "../i18n";
import { saveCredentials, saving, type CredentialAccount } from "./credentials";

const FLAGS = ["locked", "discoverable", "hide_collections", "indexable"] as const;
type Flag = (typeof FLAGS)[number];
const LANGUAGES = ["", "en", "de", "es", "fr", "it", "nl", "pt", "pl", "sv"];

export function PrivacySettings({ me, onSaved }: { me: CredentialAccount; onSaved: (a: CredentialAccount) => void }) {
  const [privacy, setPrivacy] = useState(me.source.privacy);
  const [sensitive, setSensitive] = useState(me.source.sensitive);
  const [language, setLanguage] = useState(me.source.language ?? "");
  const [flags, setFlags] = useState<Record<Flag, boolean>>({
    locked: me.locked, discoverable: !!me.discoverable, hide_collections: !!me.hide_collections, indexable: !!me.indexable,
  });
  const [message, setMessage] = useState("");
  const submit = (e: Event) => {
    e.preventDefault();
    const values: Record<string, string> = {
      "source[privacy]": privacy, "source[sensitive]": String(sensitive), "source[language]": language,
    };
    for (const f of FLAGS) values[f] = String(flags[f]);
    saving(async () => onSaved(await saveCredentials(values)), setMessage);
  };
  const names = new Intl.DisplayNames([document.documentElement.lang], { type: "language" });
  return (
    <form class="card settings" onSubmit={submit} aria-labelledby="settings-privacy">
      <h2 id="settings-privacy">{t("settings.privacy")}</h2>
      <label>
        {t("settings.defaultVisibility")}
        <select value={privacy} onChange={(e) => setPrivacy((e.target as HTMLSelectElement).value)}>
          {(["public", "unlisted", "private"] as const).map((v) => <option key={v} value={v}>{t(`visibility.${v}` as Key)}</option>)}
        </select>
      </label>
      <label>
        {t("settings.defaultLanguage")}
        <select value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
          {LANGUAGES.map((l) => <option key={l} value={l}>{l ? names.of(l) ?? l : t("settings.noLanguage")}</option>)}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={sensitive} onChange={(e) => setSensitive((e.target as HTMLInputElement).checked)} />
        {t("settings.sensitive")}
      </label>
      {FLAGS.map((f) => (
        <label class="check" key={f}>
          <input type="checkbox" checked={flags[f]}
            onChange={(e) => setFlags((all) => ({ ...all, [f]: (e.target as HTMLInputElement).checked }))} />
          {t(`settings.${f}` as Key)}
        </label>
      ))}
      <button type="submit">{t("settings.save")}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
