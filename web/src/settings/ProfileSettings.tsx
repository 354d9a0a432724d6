// Display name, bio, profile fields (label and content), avatar and header.
import { useState } from "preact/hooks";
import { t } from "../i18n";
import { saveCredentials, saving, type CredentialAccount, type Field } from "./credentials";

const MAX_FIELDS = 4;

export function ProfileSettings({ me, onSaved }: { me: CredentialAccount; onSaved: (a: CredentialAccount) => void }) {
  const [name, setName] = useState(me.display_name);
  const [note, setNote] = useState(me.source.note);
  const [fields, setFields] = useState<Field[]>(
    [...me.source.fields, ...Array(MAX_FIELDS).fill({ name: "", value: "" })].slice(0, MAX_FIELDS));
  const [files, setFiles] = useState<{ avatar?: File; header?: File }>({});
  const [message, setMessage] = useState("");

  const submit = (e: Event) => {
    e.preventDefault();
    const values: Record<string, string | Blob> = { display_name: name, note };
    fields.forEach((f, i) => {
      values[`fields_attributes[${i}][name]`] = f.name;
      values[`fields_attributes[${i}][value]`] = f.value;
    });
    if (files.avatar) values.avatar = files.avatar;
    if (files.header) values.header = files.header;
    saving(async () => onSaved(await saveCredentials(values)), setMessage);
  };
  const setField = (i: number, part: keyof Field, v: string) =>
    setFields((all) => all.map((f, j) => (j === i ? { ...f, [part]: v } : f)));
  const file = (kind: "avatar" | "header", label: string) => (
    <label>
      {label}
      <input type="file" accept="image/png,image/jpeg,image/gif,image/webp"
        onChange={(e) => setFiles((f) => ({ ...f, [kind]: (e.target as HTMLInputElement).files?.[0] }))} />
    </label>
  );
  return (
    <form class="card settings" onSubmit={submit} aria-labelledby="settings-profile">
      <h2 id="settings-profile">{t("settings.profile")}</h2>
      <label>
        {t("settings.displayName")}
        <input type="text" maxLength={30} value={name} onInput={(e) => setName((e.target as HTMLInputElement).value)} />
      </label>
      <label>
        {t("settings.bio")}
        <textarea rows={4} maxLength={500} value={note} onInput={(e) => setNote((e.target as HTMLTextAreaElement).value)} />
      </label>
      <fieldset>
        <legend>{t("settings.fields")}</legend>
        {fields.map((f, i) => (
          <div class="field-row" key={i}>
            <label>
              {t("settings.fieldName", { n: i + 1 })}
              <input type="text" maxLength={255} value={f.name} onInput={(e) => setField(i, "name", (e.target as HTMLInputElement).value)} />
            </label>
            <label>
              {t("settings.fieldValue", { n: i + 1 })}
              <input type="text" maxLength={255} value={f.value} onInput={(e) => setField(i, "value", (e.target as HTMLInputElement).value)} />
            </label>
          </div>
        ))}
      </fieldset>
      {file("avatar", t("settings.avatar"))}
      {file("header", t("settings.header"))}
      <button type="submit">{t("settings.save")}</button>
      {message && <p role="status">{message}</p>}
    </form>
  );
}
