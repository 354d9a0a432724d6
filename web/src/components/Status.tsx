// One post: who, when, content warning, content, media, poll and actions.
import { useState } from "preact/hooks";
import { api, get, post } from "../api";
import { t } from "../i18n";
import { displayName } from "../names";
import { navigate } from "../router";
import { when } from "../time";
import type { Account, Media, Poll, Status } from "../types";
import { EditHistory } from "./EditHistory";
import { MediaViewer, ReportDialog } from "./dialogs";

export function AccountLink({ account }: { account: Account }) {
  return (
    <a class="account" href={`/web/accounts/${account.id}`}>
      <img class="avatar" src={account.avatar} alt="" width={40} height={40} loading="lazy" />
      <span>
        <strong>{displayName(account)}</strong> <span class="muted">@{account.acct}</span>
      </span>
    </a>
  );
}

function MediaList({ media, sensitive }: { media: Media[]; sensitive: boolean }) {
  const [shown, setShown] = useState(!sensitive);
  const [viewing, setViewing] = useState<number | null>(null);
  if (media.length === 0) return null;
  return (
    <div class="media">
      {sensitive && (
        <button type="button" class="secondary" aria-expanded={shown} onClick={() => setShown(!shown)}>
          {shown ? t("status.hideMedia") : `${t("status.sensitive")} · ${t("status.showMedia")}`}
        </button>
      )}
      {shown && (
        <div class="media-grid">
          {media.map((m, i) => (
            <figure key={m.id}>
              {m.type === "video" || m.type === "gifv" ? (
                <video src={m.url} controls muted={m.type === "gifv"} loop={m.type === "gifv"}
                  aria-label={m.description ?? undefined} />
              ) : m.type === "audio" ? (
                <audio src={m.url} controls aria-label={m.description ?? undefined} />
              ) : (
                <button type="button" class="view" onClick={() => setViewing(i)} title={t("viewer.open")}
                  aria-label={m.description ? undefined : t("viewer.open")}>
                  <img src={m.preview_url ?? m.url} alt={m.description ?? ""} loading="lazy" />
                </button>
              )}
              <figcaption>
                <span class="badge">{t("status.alt")}</span> {m.description || t("status.noAlt")}
              </figcaption>
            </figure>
          ))}
        </div>
      )}
      {viewing !== null && <MediaViewer media={media} start={viewing} onClose={() => setViewing(null)} />}
    </div>
  );
}

function PollView({ poll, onChange }: { poll: Poll; onChange: (p: Poll) => void }) {
  const [chosen, setChosen] = useState<number[]>([]);
  const canVote = !poll.expired && !poll.voted;
  const total = Math.max(1, poll.votes_count);
  const vote = async (e: Event) => {
    e.preventDefault();
    onChange(await post<Poll>(`/api/v1/polls/${poll.id}/votes`, { choices: chosen }));
  };
  if (canVote)
    return (
      <form class="poll" onSubmit={vote}>
        <fieldset>
          {poll.options.map((o, i) => (
            <label key={i}>
              <input type={poll.multiple ? "checkbox" : "radio"} name={`poll-${poll.id}`}
                checked={chosen.includes(i)}
                onChange={(e) => {
                  const on = (e.target as HTMLInputElement).checked;
                  setChosen(poll.multiple ? (on ? [...chosen, i] : chosen.filter((c) => c !== i)) : [i]);
                }} />{" "}
              {o.title}
            </label>
          ))}
        </fieldset>
        <button type="submit" disabled={chosen.length === 0}>{t("poll.vote")}</button>
      </form>
    );
  return (
    <ul class="poll results">
      {poll.options.map((o, i) => {
        const pct = Math.round(((o.votes_count ?? 0) / total) * 100);
        return (
          <li key={i}>
            <span>{poll.own_votes?.includes(i) ? "✓ " : ""}{o.title}</span> <strong>{pct}%</strong>
            <meter min={0} max={100} value={pct} aria-label={o.title} />
          </li>
        );
      })}
      <li class="muted">{t("poll.votes", { count: poll.votes_count })}{poll.expired ? ` · ${t("poll.closed")}` : ""}</li>
    </ul>
  );
}

// Links inside the server's (already sanitized) HTML: mentions and hashtags stay in the client.
function onContentClick(s: Status, e: MouseEvent) {
  const a = (e.target as Element).closest("a");
  if (!a || e.button !== 0 || e.metaKey || e.ctrlKey) return;
  const mention = s.mentions.find((m) => (m as { url?: string }).url === a.href);
  if (mention) {
    e.preventDefault();
    navigate(`/web/accounts/${mention.id}`);
  } else if (a.classList.contains("hashtag")) {
    e.preventDefault();
    navigate(`/web/tags/${encodeURIComponent(a.textContent!.replace(/^#/, ""))}`);
  }
}

interface Props {
  status: Status;
  onChange?: (s: Status) => void;
  onDelete?: (id: string) => void;
  onReply?: (s: Status) => void;
  me?: Account | null;
  focused?: boolean;
}

// An action on a post: an icon for the eye, its name for screen readers (and
// as a tooltip), and its count if it has one.
interface ActionProps { icon: string; label: string; count?: number; pressed?: boolean; disabled?: boolean; onClick: () => void }
function Action({ icon, label, count, pressed, disabled, onClick }: ActionProps) {
  return (
    <button type="button" class="icon" disabled={disabled} aria-pressed={pressed} title={label} onClick={onClick}>
      <span aria-hidden="true">{icon}</span><span class="visually-hidden">{label}</span>
      {count !== undefined && <span> {count}</span>}
    </button>
  );
}

export function StatusView({ status: outer, onChange, onDelete, onReply, me, focused }: Props) {
  const s = outer.reblog ?? outer;
  const [expanded, setExpanded] = useState(false);
  const [busy, setBusy] = useState(false);
  const replace = (inner: Status) => onChange?.(outer.reblog ? { ...outer, reblog: inner } : inner);
  const act = async (path: string) => {
    setBusy(true);
    try {
      const updated = await post<Status>(`/api/v1/statuses/${s.id}/${path}`);
      replace(updated.reblog && path === "reblog" ? updated.reblog : updated);
    } finally {
      setBusy(false);
    }
  };
  const remove = async () => {
    if (!confirm(t("status.deleteConfirm"))) return;
    await api("DELETE", `/api/v1/statuses/${s.id}`);
    onDelete?.(outer.id);
  };
  const [filterOverride, setFilterOverride] = useState(false);
  const [reporting, setReporting] = useState(false);
  const [editing, setEditing] = useState<{ text: string; spoiler: string } | null>(null);
  const startEdit = async () => {
    const source = await get<{ text: string; spoiler_text: string }>(`/api/v1/statuses/${s.id}/source`);
    setEditing({ text: source.text, spoiler: source.spoiler_text });
  };
  const saveEdit = async (e: Event) => {
    e.preventDefault();
    if (!editing) return;
    // An edit replaces the whole post: the media and the poll are sent again to keep them.
    const body: Record<string, unknown> = {
      status: editing.text, spoiler_text: editing.spoiler, sensitive: s.sensitive, language: s.language,
      media_ids: s.media_attachments.map((m) => m.id),
    };
    if (s.poll) {
      const left = s.poll.expires_at ? Math.round((Date.parse(s.poll.expires_at) - Date.now()) / 1000) : 86400;
      body.poll = { options: s.poll.options.map((o) => o.title), expires_in: Math.max(300, left), multiple: s.poll.multiple };
    }
    replace(await api<Status>("PUT", `/api/v1/statuses/${s.id}`, body));
    setEditing(null);
  };

  // The viewer's filters: "hide" drops the post, "warn" folds it behind its filter's title.
  const filters = (s.filtered ?? []).map((f) => f.filter);
  if (filters.some((f) => f.filter_action === "hide")) return null;
  const warned = filters.find((f) => f.filter_action === "warn");
  if (warned && !filterOverride)
    return (
      <article class="status filtered" data-id={s.id}>
        <p class="muted">
          {t("status.filtered", { title: warned.title })}{" "}
          <button type="button" class="secondary small" onClick={() => setFilterOverride(true)}>{t("status.showAnyway")}</button>
        </p>
      </article>
    );

  const hidden = s.spoiler_text !== "" && !expanded;
  if (editing)
    return (
      <article class="status" data-id={s.id}>
        <form class="compose" onSubmit={saveEdit} aria-label={t("status.edit")}>
          <label>
            {t("compose.cw")}
            <input type="text" value={editing.spoiler}
              onInput={(e) => setEditing({ ...editing, spoiler: (e.target as HTMLInputElement).value })} />
          </label>
          <label>
            <span class="visually-hidden">{t("compose.text")}</span>
            <textarea rows={4} value={editing.text}
              onInput={(e) => setEditing({ ...editing, text: (e.target as HTMLTextAreaElement).value })} />
          </label>
          <div class="actions">
            <button type="submit">{t("status.save")}</button>
            <button type="button" class="secondary" onClick={() => setEditing(null)}>{t("status.cancel")}</button>
          </div>
        </form>
      </article>
    );
  return (
    <article class={focused ? "status focused" : "status"} aria-label={t("status.byline", { name: displayName(s.account) })}
      data-id={s.id}>
      {outer.reblog && <p class="muted boosted">⇄ {t("status.boosted", { name: displayName(outer.account) })}</p>}
      <header>
        <AccountLink account={s.account} />
        <a class="time muted" href={`/web/statuses/${s.id}`} title={t("status.thread")}>
          <time dateTime={s.created_at}>{when(s.created_at)}</time>
          {s.edited_at ? ` · ${t("status.edited")}` : ""}
        </a>
      </header>
      {s.spoiler_text !== "" && (
        <p class="spoiler">
          <strong>{s.spoiler_text}</strong>{" "}
          <button type="button" class="secondary small" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
            {expanded ? t("status.showLess") : t("status.showMore")}
          </button>
        </p>
      )}
      {!hidden && (
        <>
          <div class="content" lang={s.language ?? undefined} onClick={(e) => onContentClick(s, e)}
            dangerouslySetInnerHTML={{ __html: s.content }} />
          {s.poll && <PollView poll={s.poll} onChange={(p) => replace({ ...s, poll: p })} />}
        </>
      )}
      {s.edited_at && <EditHistory id={s.id} />}
      <MediaList media={s.media_attachments} sensitive={s.sensitive || s.spoiler_text !== ""} />
      <div class="actions" role="group" aria-label={t("status.actions")}>
        <Action icon="↩" label={t("status.reply")} count={s.replies_count}
          onClick={() => onReply ? onReply(s) : navigate(`/web/statuses/${s.id}`)} />
        <Action icon="⇄" label={t(s.reblogged ? "status.unboost" : "status.boost")} count={s.reblogs_count}
          pressed={!!s.reblogged} disabled={busy || s.visibility === "private" || s.visibility === "direct"}
          onClick={() => act(s.reblogged ? "unreblog" : "reblog")} />
        <Action icon="★" label={t(s.favourited ? "status.unfavourite" : "status.favourite")} count={s.favourites_count}
          pressed={!!s.favourited} disabled={busy} onClick={() => act(s.favourited ? "unfavourite" : "favourite")} />
        <Action icon="⚑" label={t(s.bookmarked ? "status.unbookmark" : "status.bookmark")} pressed={!!s.bookmarked}
          disabled={busy} onClick={() => act(s.bookmarked ? "unbookmark" : "bookmark")} />
        {me && me.id === s.account.id && (
          <>
            <Action icon="✎" label={t("status.edit")} onClick={startEdit} />
            <Action icon="✕" label={t("status.delete")} onClick={remove} />
          </>
        )}
        {me && me.id !== s.account.id && <Action icon="⚐" label={t("report.button")} onClick={() => setReporting(true)} />}
      </div>
      {reporting && <ReportDialog account={s.account} statusId={s.id} onClose={() => setReporting(false)} />}
    </article>
  );
}
