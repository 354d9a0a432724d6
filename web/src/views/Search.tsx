// Search (GET /api/v2/search): accounts (remote handles resolved), hashtags, posts.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import type { Account, SearchResults, Status } from "../types";
import { AccountLink } from "../components/Status";
import { StatusList } from "./StatusList";

export function Search({ query, me }: { query: string; me: Account | null }) {
  const [q, setQ] = useState(query);
  const [results, setResults] = useState<SearchResults | null>(null);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [error, setError] = useState("");
  const [loading, setLoading] = useState(false);

  useEffect(() => {
    setQ(query);
    if (!query) return;
    setLoading(true);
    setError("");
    get<SearchResults>(`/api/v2/search?resolve=true&limit=20&q=${encodeURIComponent(query)}`)
      .then((r) => {
        setResults(r);
        setStatuses(r.statuses);
      })
      .catch((e) => setError((e as Error).message))
      .finally(() => setLoading(false));
  }, [query]);

  const none = results && results.accounts.length + results.hashtags.length + results.statuses.length === 0;
  return (
    <section aria-labelledby="search-title">
      <h1 id="search-title">{t("search.title")}</h1>
      <form role="search" class="search card" onSubmit={(e) => {
        e.preventDefault();
        navigate(`/web/search?q=${encodeURIComponent(q.trim())}`);
      }}>
        <label>
          {t("search.label")}
          <input type="search" name="q" value={q} onInput={(e) => setQ((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!q.trim()}>{t("search.button")}</button>
      </form>
      {loading && <p class="muted" role="status">{t("loading")}</p>}
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {none && <p class="muted">{t("search.none")}</p>}
      {results && results.accounts.length > 0 && (
        <>
          <h2>{t("search.accounts")}</h2>
          <ul class="plain">{results.accounts.map((a) => <li key={a.id}><AccountLink account={a} /></li>)}</ul>
        </>
      )}
      {results && results.hashtags.length > 0 && (
        <>
          <h2>{t("search.hashtags")}</h2>
          <ul class="plain">
            {results.hashtags.map((h) => <li key={h.name}><a href={`/web/tags/${encodeURIComponent(h.name)}`}>#{h.name}</a></li>)}
          </ul>
        </>
      )}
      {statuses.length > 0 && (
        <>
          <h2>{t("search.statuses")}</h2>
          <StatusList statuses={statuses} setStatuses={setStatuses} me={me} />
        </>
      )}
    </section>
  );
}
