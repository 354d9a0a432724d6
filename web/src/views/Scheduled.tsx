// Posts waiting for their time (GET /api/v1/scheduled_statuses), each with a
// way to cancel it.
import { useEffect, useState } from "preact/hooks";
import { api, page } from "../api";
import { t } from "../i18n";
import { when } from "../time";

interface ScheduledStatus { id: string; scheduled_at: string; params: { text: string; spoiler_text?: string | null } }

export function Scheduled() {
  const [items, setItems] = useState<ScheduledStatus[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    page<ScheduledStatus>("/api/v1/scheduled_statuses").then((p) => setItems(p.items))
      .catch((e) => setError((e as Error).message));
  }, []);
  const cancel = async (id: string) => {
    try {
      await api("DELETE", `/api/v1/scheduled_statuses/${id}`);
      setItems((all) => (all ?? []).filter((s) => s.id !== id));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <section aria-labelledby="scheduled-title">
      <h1 id="scheduled-title">{t("scheduled.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {items === null && !error && <p class="muted" role="status">{t("loading")}</p>}
      {items?.length === 0 && <p class="muted">{t("scheduled.none")}</p>}
      <ul class="plain">
        {items?.map((s) => (
          <li key={s.id} class="card scheduled">
            <p><time dateTime={s.scheduled_at}>{when(s.scheduled_at)}</time></p>
            {s.params.spoiler_text && <p><strong>{s.params.spoiler_text}</strong></p>}
            <p>{s.params.text}</p>
            <button type="button" class="secondary small" onClick={() => cancel(s.id)}>
              {t("scheduled.cancel")}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
