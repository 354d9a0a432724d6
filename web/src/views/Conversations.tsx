// Direct messages (GET /api/v1/conversations): the latest post of each.
import { useEffect, useState } from "preact/hooks";
import { page, post } from "../api";
import { t } from "../i18n";
import { subscribe } from "../streaming";
import type { Account, Status } from "../types";
import { StatusView } from "../components/Status";

interface Conversation { id: string; unread: boolean; accounts: Account[]; last_status: Status | null }

export function Conversations({ me }: { me: Account | null }) {
  const [items, setItems] = useState<Conversation[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");
  useEffect(() => {
    page<Conversation>("/api/v1/conversations")
      .then((p) => setItems(p.items))
      .catch((e) => setError((e as Error).message))
      .finally(() => setLoading(false));
    return subscribe("direct", (e) => {
      if (e.event !== "conversation") return;
      const c = JSON.parse(e.payload) as Conversation;
      setItems((all) => [c, ...all.filter((x) => x.id !== c.id)]);
    });
  }, []);
  return (
    <section aria-labelledby="conversations-title">
      <h1 id="conversations-title">{t("conversations.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {items.map((c) => (
        <div key={c.id} class={c.unread ? "conversation unread" : "conversation"}
          onFocusCapture={() => c.unread && post(`/api/v1/conversations/${c.id}/read`).catch(() => undefined)}>
          <p class="what">{t("conversations.with", { names: c.accounts.map((a) => "@" + a.acct).join(", ") })}</p>
          {c.last_status && <StatusView status={c.last_status} me={me}
            onChange={(s) => setItems((all) => all.map((x) => (x.id === c.id ? { ...x, last_status: s } : x)))} />}
        </div>
      ))}
      {loading && <p class="muted" role="status">{t("loading")}</p>}
      {!loading && items.length === 0 && !error && <p class="muted">{t("timeline.empty")}</p>}
    </section>
  );
}
