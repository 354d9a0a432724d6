// The audit log: every moderation and administration action, newest first,
// filtered by what was done or to what kind of record.
import { useState } from "preact/hooks";
import { usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";
import type { ActionLog } from "./serverTypes";

export function AuditLog() {
  const [action, setAction] = useState("");
  const [type, setType] = useState("");
  const query = new URLSearchParams();
  if (action) query.set("action", action);
  if (type) query.set("target_type", type);
  const { items, error, loaded, more } = usePage<ActionLog>(`/api/v1/admin/action_logs?${query}`);
  const input = (set: (v: string) => void) => (e: Event) => set((e.target as HTMLInputElement).value.trim());
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{at("audit.title")}</h2>
      <form class="admin-filter" aria-label={at("audit.filters")} onSubmit={(e) => e.preventDefault()}>
        <label>{at("audit.action")}<input type="text" maxLength={64} value={action} onChange={input(setAction)} /></label>
        <label>{at("audit.targetType")}<input type="text" maxLength={64} value={type} onChange={input(setType)} /></label>
      </form>
      <Alert error={error} />
      {loaded && items.length === 0 && <p>{at("audit.none")}</p>}
      <ul class="plain admin-entries">
        {items.map((l) => (
          <li key={l.id}>
            <time dateTime={l.created_at}>{new Date(l.created_at).toLocaleString()}</time>{" "}
            {at("audit.entry", { who: l.acct ? `@${l.acct}` : "—", action: l.action, type: l.target_type, summary: l.summary })}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
