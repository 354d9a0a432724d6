// Notifications grouped as Mastodon groups them, newest first, with new ones
// arriving live.
import { useEffect, useState } from "preact/hooks";
import { linked, post } from "../api";
import { t, type Key } from "../i18n";
import { subscribe } from "../streaming";
import type { Account, Notification } from "../types";
import { AccountLink, StatusView } from "../components/Status";
import { displayName } from "../names";
import { addLive, appendPage, emptyGroups, replaceStatus, type GroupedNotifications, type GroupState,
  type NotificationGroup } from "../notification_groups";

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
const GROUPABLE = ["favourite", "reblog", "follow"];

// "alice favourited your post", or "alice and 2 others favourited your post".
function headline(g: NotificationGroup, first: Account): string {
  const name = displayName(first);
  const others = g.notifications_count - 1;
  if (others > 0 && GROUPABLE.includes(g.type)) {
    const rest = others === 1 ? t("notifications.oneOther") : t("notifications.others", { count: others });
    return t(`notifications.group.${g.type}` as Key, { name, others: rest });
  }
  return KNOWN.includes(g.type)
    ? t(`notifications.${g.type}` as Key, { name })
    : t("notifications.other", { name, type: g.type });
}

export function Notifications({ me }: { me: Account | null }) {
  const [state, setState] = useState<GroupState>(emptyGroups);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");

  const load = async (path: string) => {
    const p = await linked<GroupedNotifications>(path);
    setState((s) => appendPage(s, p.body));
    setNext(p.next);
  };

  useEffect(() => {
    load("/api/v2/notifications?expand_accounts=full")
      .catch((e) => setError((e as Error).message))
      .finally(() => setLoading(false));
    return subscribe("user", (e) => {
      if (e.event === "notification") setState((s) => addLive(s, JSON.parse(e.payload) as Notification));
    });
  }, []);

  return (
    <section aria-labelledby="notifications-title">
      <h1 id="notifications-title">{t("notifications.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      <ol class="notifications">
        {state.groups.map((g) => {
          const accounts = g.sample_account_ids.map((id) => state.accounts[id]).filter(Boolean);
          const status = g.status_id ? state.statuses[g.status_id] : null;
          if (!accounts[0]) return null;
          return (
            <li key={g.group_key} class={`notification ${g.type}`}>
              <p class="what">{headline(g, accounts[0])}</p>
              {accounts.length > 1 && (
                <ul class="avatars" aria-label={t("notifications.who")}>
                  {accounts.map((a) => (
                    <li key={a.id}><a href={`/web/accounts/${a.id}`} title={displayName(a)}>
                      <img class="avatar" src={a.avatar} alt={displayName(a)} width={32} height={32} loading="lazy" />
                    </a></li>
                  ))}
                </ul>
              )}
              {status ? (
                <StatusView status={status} me={me} onChange={(s) => setState((st) => replaceStatus(st, s))} />
              ) : accounts.length === 1 && <AccountLink account={accounts[0]} />}
              {g.type === "follow_request" && <FollowRequest account={accounts[0]} />}
            </li>
          );
        })}
      </ol>
      {loading && <p class="muted" role="status">{t("loading")}</p>}
      {!loading && state.groups.length === 0 && !error && <p class="muted">{t("timeline.empty")}</p>}
      {next && !loading && (
        <button type="button" class="secondary wide" onClick={() => load(next)}>{t("timeline.more")}</button>
      )}
    </section>
  );
}
