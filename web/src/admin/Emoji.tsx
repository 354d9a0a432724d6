// Custom emoji (manage_custom_emojis): local and remote ones, filtered;
// upload, enable or disable, show in the picker, categorise, copy a remote
// one to this server, delete.
import { useState } from "preact/hooks";
import { api } from "../api";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";

export interface AdminEmoji {
  id: string; shortcode: string; url: string | null; static_url: string | null; visible_in_picker: boolean;
  category: string | null; domain: string | null; uri: string | null; image_remote_url: string | null;
  disabled: boolean; created_at: string; updated_at: string;
}

function UploadForm({ onAdded }: { onAdded: (e: AdminEmoji) => void }) {
  const [error, run] = useRun();
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.target as HTMLFormElement;
    run(async () => {
      onAdded(await api<AdminEmoji>("POST", "/api/v1/admin/custom_emojis", new FormData(form)));
      form.reset();
    });
  };
  return (
    <form class="admin-form" aria-label={at("emoji.upload")} onSubmit={submit}>
      <label>{at("emoji.shortcode")}
        <input name="shortcode" required pattern="[A-Za-z0-9_]{2,}" maxLength={128} />
      </label>
      <label>{at("emoji.image")}
        <input name="image" type="file" required accept="image/png,image/gif,image/webp" />
      </label>
      <label>{at("emoji.category")}
        <input name="category" maxLength={64} />
      </label>
      <Alert error={error} />
      <button type="submit">{at("emoji.uploadButton")}</button>
    </form>
  );
}

export function Emoji() {
  const [origin, setOrigin] = useState("local");
  const [shortcode, setShortcode] = useState("");
  const query = new URLSearchParams();
  if (origin === "local") query.set("local", "true");
  if (origin === "remote") query.set("remote", "true");
  if (shortcode) query.set("shortcode", shortcode);
  const { items, setItems, error: loadError, more } = usePage<AdminEmoji>(`/api/v1/admin/custom_emojis?${query}`);
  const [error, run] = useRun();
  const replace = (e: AdminEmoji) => setItems(items.map((i) => (i.id === e.id ? e : i)));
  const change = (e: AdminEmoji, body: Record<string, unknown>) => run(async () =>
    replace(await api<AdminEmoji>("PUT", `/api/v1/admin/custom_emojis/${e.id}`, body)));
  const toggle = (e: AdminEmoji) => run(async () =>
    replace(await api<AdminEmoji>("POST", `/api/v1/admin/custom_emojis/${e.id}/${e.disabled ? "enable" : "disable"}`)));
  const copy = (e: AdminEmoji) => run(async () => {
    const made = await api<AdminEmoji>("POST", `/api/v1/admin/custom_emojis/${e.id}/copy`);
    if (origin !== "remote") setItems([made, ...items]);
  });
  const remove = (e: AdminEmoji) => run(async () => {
    await api("DELETE", `/api/v1/admin/custom_emojis/${e.id}`);
    setItems(items.filter((i) => i.id !== e.id));
  });
  const name = (e: AdminEmoji) => (e.domain ? `:${e.shortcode}@${e.domain}:` : `:${e.shortcode}:`);
  return (
    <section class="card" aria-labelledby="emoji-title">
      <h2 id="emoji-title">{at("emoji.title")}</h2>
      <UploadForm onAdded={(e) => { if (origin !== "remote") setItems([e, ...items]); }} />
      <label>{at("emoji.origin")}
        <select value={origin} onChange={(e) => setOrigin((e.target as HTMLSelectElement).value)}>
          <option value="local">{at("emoji.local")}</option>
          <option value="remote">{at("emoji.remote")}</option>
          <option value="all">{at("emoji.all")}</option>
        </select>
      </label>{" "}
      <label>{at("emoji.search")}
        <input type="search" value={shortcode} onChange={(e) => setShortcode((e.target as HTMLInputElement).value)} />
      </label>
      <Alert error={loadError || error} />
      {items.length === 0 && <p>{at("emoji.none")}</p>}
      <ul class="plain admin-entries">
        {items.map((e) => (
          <li key={e.id}>
            {e.url && <img src={e.url} alt="" width={28} height={28} />} <strong>{name(e)}</strong>{" "}
            {e.disabled && <span class="badge">{at("emoji.disabledBadge")}</span>}{" "}
            <label>
              <input type="checkbox" checked={e.visible_in_picker}
                onChange={(ev) => change(e, { visible_in_picker: (ev.target as HTMLInputElement).checked })} />
              {at("emoji.inPicker")}<span class="visually-hidden"> {name(e)}</span>
            </label>{" "}
            <label>{at("emoji.category")}<span class="visually-hidden"> {name(e)}</span>
              <input value={e.category ?? ""} maxLength={64}
                onChange={(ev) => change(e, { category: (ev.target as HTMLInputElement).value })} />
            </label>{" "}
            <button type="button" class="secondary small" onClick={() => toggle(e)}>
              {e.disabled ? at("emoji.enable") : at("emoji.disable")}<span class="visually-hidden"> {name(e)}</span>
            </button>{" "}
            {e.domain && (
              <button type="button" class="secondary small" onClick={() => copy(e)}>
                {at("emoji.copy")}<span class="visually-hidden"> {name(e)}</span>
              </button>
            )}{" "}
            <button type="button" class="secondary danger small" onClick={() => remove(e)}>
              {at("emoji.delete")}<span class="visually-hidden"> {name(e)}</span>
            </button>
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
