// Notifications, newest first, with new ones arriving live.
import { useEffect, useState } from "preact/hooks";
import { page, post } from "../api";
import { t, type Key } from "../i18n";
import { subscribe } from "../streaming";
import type { Account, Notification } from "../types";
import { AccountLink, displayName, StatusView } from "../components/Status";

// Accept or reject a follow request right in its notification.
function FollowRequest({ account }: { account: Account }) {
  const [done, setDone] = useState<"accepted" | "rejected" | null>(null);
  const answer = async (verb: "authorize" | "reject") => {
    await post(`/api/v1/follow_requests/${account.id}/${verb}`);
    setDone(verb === "authorize" ? "accepted" : "rejected");
  };
  if (done) return <p class="muted" role="status">{t(done === "accepted" ? "requests.accepted" : "requests.rejected")}</p>;
  return (
    <div class="actions">
      <button type="button" onClick={() => answer("authorize")}>{t("requests.accept")}</button>
      <button type="button" class="secondary" onClick={() => answer("reject")}>{t("requests.reject")}</button>
    </div>
  );
}

const KNOWN = ["mention", "favourite", "reblog", "follow", "follow_request", "poll", "status", "update"];

export function Notifications({ me }: { me: Account | null }) {
  const [items, setItems] = useState<Notification[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");

  useEffect(() => {
    page<Notification>("/api/v1/notifications")
      .then((p) => {
        setItems((live) => [...live, ...p.items.filter((n) => !live.some((l) => l.id === n.id))]);
        setNext(p.next);
      })
      .catch((e) => setError((e as Error).message))
      .finally(() => setLoading(false));
    return subscribe("user", (e) => {
      if (e.event !== "notification") return;
      const n = JSON.parse(e.payload) as Notification;
      setItems((all) => (all.some((x) => x.id === n.id) ? all : [n, ...all]));
    });
  }, []);

  const more = async () => {
    if (!next) return;
    const p = await page<Notification>(next);
    setItems((all) => [...all, ...p.items]);
    setNext(p.next);
  };

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t("notifications.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      <ol class="notifications">
        {items.map((n) => (
          <li key={n.id} class={`notification ${n.type}`}>
            <p class="what">
              {KNOWN.includes(n.type)
                ? t(`notifications.${n.type}` as Key, { name: displayName(n.account) })
                : t("notifications.other", { name: displayName(n.account), type: n.type })}
            </p>
            {n.status ? (
              <StatusView status={n.status} me={me}
                onChange={(s) => setItems((all) => all.map((x) => (x.id === n.id ? { ...x, status: s } : x)))} />
            ) : (
              <AccountLink account={n.account} />
            )}
            {n.type === "follow_request" && <FollowRequest account={n.account} />}
          </li>
        ))}
      </ol>
      {loading && <p class="muted" role="status">{t("loading")}</p>}
      {!loading && items.length === 0 && !error && <p class="muted">{t("timeline.empty")}</p>}
      {next && !loading && <button type="button" class="secondary wide" onClick={more}>{t("timeline.more")}</button>}
    </section>
  );
}
