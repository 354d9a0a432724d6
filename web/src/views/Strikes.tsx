// The member's strikes (agora's /api/v1/disputes/strikes, Mastodon's
// "account standing" pages): what the moderators did and why, the posts it
// was about, and an appeal, once, while the strike is recent enough.
import { useEffect, useState } from "preact/hooks";
import { api, page } from "../api";
import { t } from "../i18n";
import { when } from "../time";
import type { Status } from "../types";

interface Strike {
  id: string; action: string; text: string; created_at: string; overruled_at: string | null;
  statuses: Status[]; appealable: boolean;
  appeal: { id: string; text: string; state: "pending" | "approved" | "rejected"; created_at: string } | null;
}

function AppealForm({ strike, onAppealed }: { strike: Strike; onAppealed: (s: Strike) => void }) {
  const [text, setText] = useState("");
  const [error, setError] = useState("");
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      onAppealed(await api<Strike>("POST", `/api/v1/disputes/strikes/${strike.id}/appeal`, { text }));
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <form onSubmit={submit}>
      <label>{t("strikes.appealLabel")}
        <textarea value={text} maxLength={2000} required onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      <button type="submit">{t("strikes.appeal")}</button>
    </form>
  );
}

export function Strikes() {
  const [items, setItems] = useState<Strike[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    page<Strike>("/api/v1/disputes/strikes").then((p) => setItems(p.items)).catch((e) => setError((e as Error).message));
  }, []);
  const replace = (s: Strike) => setItems((all) => (all ?? []).map((o) => (o.id === s.id ? s : o)));
  return (
    <section aria-labelledby="strikes-title">
      <h1 id="strikes-title">{t("strikes.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {items === null && !error && <p class="muted" role="status">{t("loading")}</p>}
      {items?.length === 0 && <p class="muted">{t("strikes.none")}</p>}
      <ul class="plain">
        {items?.map((s) => (
          <li key={s.id} class="card">
            <h2>{t("strikes.action", { action: s.action })}</h2>
            <p><time dateTime={s.created_at}>{when(s.created_at)}</time></p>
            {s.text && <blockquote>{s.text}</blockquote>}
            {s.statuses.length > 0 && <ul>{s.statuses.map((st) => <li key={st.id}><a href={`/web/statuses/${st.id}`}>{st.url ?? st.id}</a></li>)}</ul>}
            {s.overruled_at && <p class="badge">{t("strikes.overruled")}</p>}
            {s.appeal && <p>{t("strikes.appealed", { state: t(`strikes.state.${s.appeal.state}`) })}</p>}
            {s.appealable && <AppealForm strike={s} onAppealed={replace} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
