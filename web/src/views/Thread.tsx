// A post with its ancestors and replies (GET /api/v1/statuses/:id/context).
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import type { Account, Status } from "../types";
import { Compose } from "../components/Compose";
import { StatusList } from "./StatusList";

export function Thread({ id, me }: { id: string; me: Account | null }) {
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [error, setError] = useState("");
  const [replyTo, setReplyTo] = useState<Status | null>(null);

  const load = async () => {
    try {
      const [status, context] = await Promise.all([
        get<Status>(`/api/v1/statuses/${id}`),
        get<{ ancestors: Status[]; descendants: Status[] }>(`/api/v1/statuses/${id}/context`),
      ]);
      setStatuses([...context.ancestors, status, ...context.descendants]);
      setReplyTo(status);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  useEffect(() => {
    setStatuses([]);
    setError("");
    load();
  }, [id]);

  return (
    <section aria-labelledby="thread-title">
      <h1 id="thread-title">{t("thread.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {statuses.length === 0 && !error && <p class="muted" role="status">{t("loading")}</p>}
      <StatusList statuses={statuses} setStatuses={setStatuses} me={me} focusedId={id} onReply={(s) => setReplyTo(s)} />
      {replyTo && <Compose replyTo={replyTo} meAcct={me?.acct} onPosted={() => load()}
        onCancelReply={() => setReplyTo(statuses.find((s) => s.id === id) ?? null)} />}
    </section>
  );
}
