// Announcements to every member (manage_announcements): write one, publish it
// now or at a scheduled time, edit, unpublish or delete it.
import { useState } from "preact/hooks";
import { api } from "../api";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert } from "./parts";

export interface AdminAnnouncement {
  id: string; text: string; content: string; starts_at: string | null; ends_at: string | null; all_day: boolean;
  published: boolean; published_at: string | null; scheduled_at: string | null; created_at: string; updated_at: string;
}

// A <input type="datetime-local"> value in local time, and back to ISO 8601 ("" clears).
const toLocal = (iso: string | null) => {
  if (!iso) return "";
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
};
const toIso = (local: string) => (local ? new Date(local).toISOString() : "");
const shown = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : "");

function AnnouncementForm({ initial, onSaved, onCancel }: {
  initial?: AdminAnnouncement; onSaved: (a: AdminAnnouncement) => void; onCancel?: () => void;
}) {
  const [text, setText] = useState(initial?.text ?? "");
  const [startsAt, setStartsAt] = useState(toLocal(initial?.starts_at ?? null));
  const [endsAt, setEndsAt] = useState(toLocal(initial?.ends_at ?? null));
  const [allDay, setAllDay] = useState(initial?.all_day ?? false);
  const [scheduledAt, setScheduledAt] = useState(toLocal(initial?.scheduled_at ?? null));
  const [error, run] = useRun();
  const value = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value);
  const submit = (e: Event) => {
    e.preventDefault();
    run(async () => {
      const body = { text, starts_at: toIso(startsAt), ends_at: toIso(endsAt), all_day: allDay,
        scheduled_at: toIso(scheduledAt) };
      const saved = initial
        ? await api<AdminAnnouncement>("PUT", `/api/v1/admin/announcements/${initial.id}`, body)
        : await api<AdminAnnouncement>("POST", "/api/v1/admin/announcements", body);
      if (!initial) { setText(""); setStartsAt(""); setEndsAt(""); setAllDay(false); setScheduledAt(""); }
      onSaved(saved);
    });
  };
  return (
    <form class="admin-form" onSubmit={submit}
      aria-label={initial ? at("announcements.editForm") : at("announcements.new")}>
      <label>{at("announcements.text")}
        <textarea required maxLength={10000} value={text} onInput={value(setText)} />
      </label>
      <label>{at("announcements.startsAt")}
        <input type="datetime-local" value={startsAt} onInput={value(setStartsAt)} />
      </label>
      <label>{at("announcements.endsAt")}
        <input type="datetime-local" value={endsAt} onInput={value(setEndsAt)} />
      </label>
      <label>
        <input type="checkbox" checked={allDay} onChange={(e) => setAllDay((e.target as HTMLInputElement).checked)} />
        {at("announcements.allDay")}
      </label>
      {!initial?.published && (
        <label>{at("announcements.scheduledAt")}
          <input type="datetime-local" value={scheduledAt} onInput={value(setScheduledAt)} />
        </label>
      )}
      <Alert error={error} />
      <button type="submit">{initial ? at("announcements.save") : at("announcements.create")}</button>
      {onCancel && <button type="button" class="secondary" onClick={onCancel}>{at("announcements.cancel")}</button>}
    </form>
  );
}

function state(a: AdminAnnouncement) {
  if (a.published) return at("announcements.published", { date: shown(a.published_at) });
  if (a.scheduled_at) return at("announcements.scheduled", { date: shown(a.scheduled_at) });
  return at("announcements.unpublished");
}

export function Announcements() {
  const { items, setItems, error: loadError } = usePage<AdminAnnouncement>("/api/v1/admin/announcements");
  const [editing, setEditing] = useState<string | null>(null);
  const [error, run] = useRun();
  const replace = (a: AdminAnnouncement) => setItems(items.map((i) => (i.id === a.id ? a : i)));
  const act = (a: AdminAnnouncement, verb: "publish" | "unpublish") => run(async () =>
    replace(await api<AdminAnnouncement>("POST", `/api/v1/admin/announcements/${a.id}/${verb}`)));
  const remove = (a: AdminAnnouncement) => run(async () => {
    await api("DELETE", `/api/v1/admin/announcements/${a.id}`);
    setItems(items.filter((i) => i.id !== a.id));
  });
  return (
    <section class="card" aria-labelledby="announcements-title">
      <h2 id="announcements-title">{at("announcements.title")}</h2>
      <h3>{at("announcements.new")}</h3>
      <AnnouncementForm onSaved={(a) => setItems([a, ...items])} />
      <Alert error={loadError || error} />
      {items.length === 0 && <p>{at("announcements.none")}</p>}
      <ul class="plain admin-entries">
        {items.map((a) => (
          <li key={a.id}>
            {editing === a.id ? (
              <AnnouncementForm initial={a} onSaved={(saved) => { replace(saved); setEditing(null); }}
                onCancel={() => setEditing(null)} />
            ) : (
              <>
                <div dangerouslySetInnerHTML={{ __html: a.content }} />
                <p class="muted">
                  {state(a)}
                  {a.starts_at && ` · ${at("announcements.period", { from: shown(a.starts_at), to: shown(a.ends_at) })}`}
                </p>
                <button type="button" class="secondary small" onClick={() => setEditing(a.id)}>
                  {at("announcements.edit")}<span class="visually-hidden"> {a.text.slice(0, 40)}</span>
                </button>{" "}
                {a.published
                  ? <button type="button" class="secondary small" onClick={() => act(a, "unpublish")}>{at("announcements.unpublish")}</button>
                  : <button type="button" class="secondary small" onClick={() => act(a, "publish")}>{at("announcements.publish")}</button>}{" "}
                <button type="button" class="secondary danger small" onClick={() => remove(a)}>{at("announcements.delete")}</button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
