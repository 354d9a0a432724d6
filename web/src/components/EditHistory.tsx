// The versions of an edited post (GET /api/v1/statuses/:id/history), oldest first.
import { useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import { when } from "../time";

interface Edit { content: string; spoiler_text: string; created_at: string }

export function EditHistory({ id }: { id: string }) {
  const [edits, setEdits] = useState<Edit[] | null>(null);
  const [open, setOpen] = useState(false);
  const toggle = async () => {
    if (!open && !edits) setEdits(await get<Edit[]>(`/api/v1/statuses/${id}/history`));
    setOpen(!open);
  };
  return (
    <div class="history">
      <button type="button" class="secondary small" aria-expanded={open} onClick={toggle}>{t("history.show")}</button>
      {open && edits && (
        <ol aria-label={t("history.title")}>
          {edits.map((e, n) => (
            <li key={e.created_at + n}>
              <p class="muted">
                {t(n === 0 ? "history.original" : "history.edit")} ·{" "}
                <time dateTime={e.created_at}>{when(e.created_at)}</time>
              </p>
              {e.spoiler_text && <p><strong>{e.spoiler_text}</strong></p>}
              <div class="content" dangerouslySetInnerHTML={{ __html: e.content }} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
