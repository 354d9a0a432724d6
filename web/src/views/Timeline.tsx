// Home, local, federated and hashtag timelines, with new posts arriving live
// from the streaming API.
import { useEffect, useState } from "preact/hooks";
import { page } from "../api";
import { t, type Key } from "../i18n";
import { subscribe } from "../streaming";
import type { Account, Status } from "../types";
import { Compose } from "../components/Compose";
import { replaceStatus, StatusList } from "./StatusList";
import { FollowTagButton } from "../components/FollowTagButton";

export type Kind = "home" | "local" | "federated" | "tag" | "list" | "bookmarks" | "favourites";

// `tag` is the hashtag or the list id; lists of one's own bookmarks and favourites are not streamed.
const SOURCES: Record<Kind, { path: (tag?: string) => string; stream: string | null; title: Key }> = {
  home: { path: () => "/api/v1/timelines/home", stream: "user", title: "timeline.home" },
  local: { path: () => "/api/v1/timelines/public?local=true", stream: "public:local", title: "timeline.local" },
  federated: { path: () => "/api/v1/timelines/public", stream: "public", title: "timeline.federated" },
  tag: { path: (tag) => `/api/v1/timelines/tag/${encodeURIComponent(tag ?? "")}`, stream: "hashtag", title: "timeline.tag" },
  list: { path: (id) => `/api/v1/timelines/list/${encodeURIComponent(id ?? "")}`, stream: "list", title: "timeline.list" },
  bookmarks: { path: () => "/api/v1/bookmarks", stream: null, title: "timeline.bookmarks" },
  favourites: { path: () => "/api/v1/favourites", stream: null, title: "timeline.favourites" },
};

export function Timeline({ kind, tag, title, me }: { kind: Kind; tag?: string; title?: string; me: Account | null }) {
  const source = SOURCES[kind];
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState("");
  const [replyTo, setReplyTo] = useState<Status | null>(null);

  useEffect(() => {
    let alive = true;
    setStatuses([]);
    setLoading(true);
    setError("");
    page<Status>(source.path(tag))
      .then((p) => {
        if (!alive) return;
        // Posts that came live while the first page loaded stay on top.
        setStatuses((live) => [...live, ...p.items.filter((s) => !live.some((l) => l.id === s.id))]);
        setNext(p.next);
      })
      .catch((e) => alive && setError((e as Error).message))
      .finally(() => alive && setLoading(false));
    const unsubscribe = source.stream === null ? () => undefined : subscribe(source.stream, (e) => {
      if (e.event === "update") {
        const s = JSON.parse(e.payload) as Status;
        setStatuses((all) => (all.some((x) => x.id === s.id) ? all : [s, ...all]));
      } else if (e.event === "status.update") {
        setStatuses((all) => replaceStatus(all, JSON.parse(e.payload) as Status));
      } else if (e.event === "delete") {
        setStatuses((all) => all.filter((x) => x.id !== e.payload && x.reblog?.id !== e.payload));
      }
    }, kind === "tag" || kind === "list" ? tag : undefined);
    return () => {
      alive = false;
      unsubscribe();
    };
  }, [kind, tag]);

  const more = async () => {
    if (!next) return;
    setLoading(true);
    try {
      const p = await page<Status>(next);
      setStatuses((all) => [...all, ...p.items.filter((s) => !all.some((x) => x.id === s.id))]);
      setNext(p.next);
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoading(false);
    }
  };

  return (
    <section aria-labelledby="timeline-title">
      <h1 id="timeline-title">{t(source.title, { tag: tag ?? "", title: title ?? "" })}</h1>
      {kind === "tag" && tag && <FollowTagButton tag={tag} />}
      {kind === "home" && (
        <Compose replyTo={replyTo} meAcct={me?.acct} onCancelReply={() => setReplyTo(null)}
          onPosted={(s) => {
            setReplyTo(null);
            setStatuses((all) => (all.some((x) => x.id === s.id) ? all : [s, ...all]));
          }} />
      )}
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      <StatusList statuses={statuses} setStatuses={setStatuses} me={me}
        onReply={kind === "home" ? (s) => setReplyTo(s) : undefined} />
      {loading && <p class="muted" role="status">{t("loading")}</p>}
      {!loading && statuses.length === 0 && !error && <p class="muted">{t("timeline.empty")}</p>}
      {next && !loading && <button type="button" class="secondary wide" onClick={more}>{t("timeline.more")}</button>}
    </section>
  );
}
