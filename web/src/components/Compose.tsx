// Writing a post: text with suggestions, content warning, visibility,
// language, media with alt text and focal point, a poll, a time to publish
// it at, and replies. Counts characters the way Mastodon does
// (every link as 23, mentions by their local part).
import { useEffect, useRef, useState } from "preact/hooks";
import { api } from "../api";
import { lang, t, type Key } from "../i18n";
import type { Media, Status } from "../types";
import { instanceLimits } from "../instance";
import { useAutocomplete } from "./Autocomplete";
import { mediaUpdate, UploadItem, type Upload } from "./UploadItem";

const URL_RE = /https?:\/\/[^\s<>"]+/g;
const MENTION_RE = /@(\w+)@[\w.-]+\w/g;

export function countCharacters(text: string): number {
  const normalized = text.replace(URL_RE, "x".repeat(23)).replace(MENTION_RE, "@$1");
  return [...normalized].length;
}

const LANGUAGES = ["en", "de", "es", "fr", "it", "nl", "pt", "pl", "sv", "da", "fi", "no", "cs", "el", "ja", "zh"];
const DURATIONS: [number, Key][] = [[300, "duration.5m"], [3600, "duration.1h"], [86400, "duration.1d"], [604800, "duration.7d"]];
type Visibility = Status["visibility"];

interface Props {
  replyTo?: Status | null;
  onCancelReply?: () => void;
  onPosted?: (s: Status) => void;
  meAcct?: string;
}

export function Compose({ replyTo, onCancelReply, onPosted, meAcct }: Props) {
  const [text, setText] = useState("");
  const [cwOn, setCwOn] = useState(false);
  const [cw, setCw] = useState("");
  const [visibility, setVisibility] = useState<Visibility>("public");
  const [language, setLanguage] = useState<string>(lang());
  const [uploads, setUploads] = useState<Upload[]>([]);
  const [uploading, setUploading] = useState(false);
  const [sensitive, setSensitive] = useState(false);
  const [poll, setPoll] = useState<string[] | null>(null);
  const [pollExpiry, setPollExpiry] = useState(86400);
  const [pollMultiple, setPollMultiple] = useState(false);
  const [scheduledAt, setScheduledAt] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState("");
  const textRef = useRef<HTMLTextAreaElement>(null);
  const limits = instanceLimits();
  const complete = useAutocomplete(replyTo ? `reply-${replyTo.id}` : "compose", text, setText, textRef);

  useEffect(() => {
    if (!replyTo) return;
    const mentions = [replyTo.account.acct, ...replyTo.mentions.map((m) => m.acct)]
      .filter((a, i, all) => a !== meAcct && all.indexOf(a) === i);
    setText(mentions.map((a) => `@${a} `).join(""));
    if (replyTo.spoiler_text) {
      setCwOn(true);
      setCw(replyTo.spoiler_text);
    }
    if (replyTo.visibility !== "public") setVisibility(replyTo.visibility);
    textRef.current?.focus();
  }, [replyTo?.id]);

  const remaining = limits.maxCharacters - countCharacters(text) - (cwOn ? [...cw].length : 0);

  const upload = async (files: FileList | null) => {
    if (!files) return;
    setUploading(true);
    setMessage("");
    try {
      for (const file of Array.from(files).slice(0, 4 - uploads.length)) {
        const form = new FormData();
        form.append("file", file);
        const media = await api<Media>("POST", "/api/v2/media", form);
        setUploads((u) => [...u, { media, name: file.name, description: "", focus: { x: 0, y: 0 } }]);
      }
    } catch (e) {
      setMessage(t("error", { error: (e as Error).message }));
    } finally {
      setUploading(false);
    }
  };

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setMessage("");
    try {
      // Alt text and focal points are sent with the media before the post refers to it.
      await Promise.all(uploads.map((u) => [u.media.id, mediaUpdate(u)] as const).filter(([, b]) => b)
        .map(([id, b]) => api("PUT", `/api/v1/media/${id}`, b)));
      const body: Record<string, unknown> = {
        status: text,
        visibility,
        language,
        spoiler_text: cwOn ? cw : "",
        sensitive: sensitive || (cwOn && cw !== ""),
        media_ids: uploads.map((u) => u.media.id),
      };
      if (replyTo) body.in_reply_to_id = replyTo.id;
      if (poll) body.poll = { options: poll, expires_in: pollExpiry, multiple: pollMultiple };
      if (scheduledAt) body.scheduled_at = new Date(scheduledAt).toISOString();
      const idempotency = crypto.getRandomValues(new Uint32Array(4)).join("-");
      const posted = await api<Status>("POST", "/api/v1/statuses", body, { "Idempotency-Key": idempotency });
      setText("");
      setCw("");
      setCwOn(false);
      setUploads([]);
      setPoll(null);
      setSensitive(false);
      setScheduledAt(null);
      // A scheduled post comes back as a ScheduledStatus, not a Status.
      setMessage(scheduledAt ? t("compose.scheduled") : t("compose.published"));
      if (!scheduledAt) onPosted?.(posted);
    } catch (err) {
      setMessage(t("error", { error: (err as Error).message }));
    } finally {
      setBusy(false);
    }
  };

  const empty = text.trim() === "" && uploads.length === 0;
  return (
    <form class="compose card" onSubmit={submit} aria-label={t("compose.title")}>
      {replyTo && (
        <p class="replying">
          {t("compose.replyTo", { acct: "@" + replyTo.account.acct })}{" "}
          <button type="button" class="secondary small" onClick={onCancelReply}>{t("compose.cancelReply")}</button>
        </p>
      )}
      {cwOn && (
        <label>
          {t("compose.cw")}
          <input type="text" name="spoiler_text" value={cw} maxLength={limits.maxCharacters}
            onInput={(e) => setCw((e.target as HTMLInputElement).value)} />
        </label>
      )}
      <label>
        <span class="visually-hidden">{t("compose.text")}</span>
        <textarea ref={textRef} name="status" rows={4} placeholder={t("compose.text")} value={text}
          {...complete.fieldProps}
          onInput={(e) => setText((e.target as HTMLTextAreaElement).value)}
          onKeyDown={(e) => {
            complete.fieldProps.onKeyDown(e);
            if (!e.defaultPrevented && e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit(e);
          }} />
      </label>
      {complete.list}
      {uploads.map((u, i) => (
        <UploadItem key={u.media.id} upload={u}
          onChange={(v) => setUploads((all) => all.map((x, j) => (j === i ? v : x)))}
          onRemove={() => setUploads((all) => all.filter((_, j) => j !== i))} />
      ))}
      {poll && (
        <fieldset class="poll-editor">
          <legend>{t("compose.poll")}</legend>
          {poll.map((o, i) => (
            <label key={i}>
              {t("compose.pollOption", { n: i + 1 })}
              <input type="text" value={o} maxLength={limits.pollOptionCharacters}
                onInput={(e) => {
                  const v = (e.target as HTMLInputElement).value;
                  setPoll(poll.map((x, j) => (j === i ? v : x)));
                }} />
            </label>
          ))}
          {poll.length < limits.pollOptions && (
            <button type="button" class="secondary small" onClick={() => setPoll([...poll, ""])}>{t("compose.addOption")}</button>
          )}
          <label>
            {t("compose.pollDuration")}
            <select value={pollExpiry} onChange={(e) => setPollExpiry(Number((e.target as HTMLSelectElement).value))}>
              {DURATIONS.map(([s, k]) => <option key={s} value={s}>{t(k)}</option>)}
            </select>
          </label>
          <label class="check">
            <input type="checkbox" checked={pollMultiple} onChange={(e) => setPollMultiple((e.target as HTMLInputElement).checked)} />
            {t("compose.pollMultiple")}
          </label>
        </fieldset>
      )}
      <div class="compose-bar">
        <label class="check">
          <input type="checkbox" name="cw" checked={cwOn} onChange={(e) => setCwOn((e.target as HTMLInputElement).checked)} />
          {t("compose.cwToggle")}
        </label>
        {uploads.length > 0 && (
          <label class="check">
            <input type="checkbox" checked={sensitive} onChange={(e) => setSensitive((e.target as HTMLInputElement).checked)} />
            {t("compose.sensitive")}
          </label>
        )}
        <label class="file">
          {uploading ? t("compose.uploading") : t("compose.media")}
          <input type="file" accept="image/*,video/*,audio/*" multiple disabled={uploading || poll !== null || uploads.length >= 4}
            onChange={(e) => { const input = e.target as HTMLInputElement; upload(input.files); input.value = ""; }} />
        </label>
        <button type="button" class="secondary small" aria-pressed={poll !== null} disabled={uploads.length > 0}
          onClick={() => setPoll(poll ? null : ["", ""])}>
          {poll ? t("compose.removePoll") : t("compose.poll")}
        </button>
        {!replyTo && <ScheduleField value={scheduledAt} onChange={setScheduledAt} />}
      </div>
      <div class="compose-bar">
        <label>
          {t("compose.visibility")}
          <select name="visibility" value={visibility} onChange={(e) => setVisibility((e.target as HTMLSelectElement).value as Visibility)}>
            {(["public", "unlisted", "private", "direct"] as const).map((v) => (
              <option key={v} value={v}>{t(`visibility.${v}` as Key)}</option>
            ))}
          </select>
        </label>
        <label>
          {t("compose.language")}
          <select name="language" value={language} onChange={(e) => setLanguage((e.target as HTMLSelectElement).value)}>
            {LANGUAGES.map((l) => (
              <option key={l} value={l}>{new Intl.DisplayNames([lang()], { type: "language" }).of(l) ?? l}</option>
            ))}
          </select>
        </label>
        <span class={remaining < 0 ? "counter over" : "counter"} aria-live="polite">
          {t("compose.remaining", { count: remaining })}
        </span>
        <button type="submit" disabled={busy || uploading || empty || remaining < 0}>
          {busy ? t("compose.publishing") : scheduledAt ? t("compose.schedule") : t("compose.publish")}
        </button>
      </div>
      {message && <p role="status" class="muted">{message}</p>}
    </form>
  );
}

// Publishing later: Mastodon wants at least five minutes ahead.
function ScheduleField({ value, onChange }: { value: string | null; onChange: (v: string | null) => void }) {
  const local = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60000).toISOString().slice(0, 16);
  return (
    <>
      <label class="check">
        <input type="checkbox" checked={value !== null}
          onChange={(e) => onChange((e.target as HTMLInputElement).checked ? local(new Date(Date.now() + 3600000)) : null)} />
        {t("compose.later")}
      </label>
      {value !== null && (
        <label>
          {t("compose.scheduleAt")}
          <input type="datetime-local" name="scheduled_at" value={value} required
            min={local(new Date(Date.now() + 6 * 60000))}
            onInput={(e) => onChange((e.target as HTMLInputElement).value)} />
        </label>
      )}
    </>
  );
}
