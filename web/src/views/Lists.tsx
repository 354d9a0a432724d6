// Lists: create and delete them; a list's page shows its timeline (live) and
// lets members be added (people one follows) and removed.
import { useEffect, useState } from "preact/hooks";
import { api, get, post } from "../api";
import { t } from "../i18n";
import { navigate } from "../router";
import type { Account } from "../types";
import { AccountLink } from "../components/Status";
import { displayName } from "../names";
import { Timeline } from "./Timeline";

interface List { id: string; title: string }

export function Lists() {
  const [lists, setLists] = useState<List[]>([]);
  const [title, setTitle] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    get<List[]>("/api/v1/lists").then(setLists).catch((e) => setError((e as Error).message));
  }, []);
  return (
    <section aria-labelledby="lists-title">
      <h1 id="lists-title">{t("lists.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      <form class="search card" onSubmit={async (e) => {
        e.preventDefault();
        try {
          const list = await post<List>("/api/v1/lists", { title: title.trim() });
          setLists([...lists, list]);
          setTitle("");
        } catch (err) {
          setError((err as Error).message);
        }
      }}>
        <label>
          {t("lists.name")}
          <input type="text" value={title} maxLength={100} onInput={(e) => setTitle((e.target as HTMLInputElement).value)} />
        </label>
        <button type="submit" disabled={!title.trim()}>{t("lists.create")}</button>
      </form>
      <ul class="plain">
        {lists.map((l) => <li key={l.id} class="card"><a href={`/web/lists/${l.id}`}>{l.title}</a></li>)}
      </ul>
    </section>
  );
}

export function ListPage({ id, me }: { id: string; me: Account | null }) {
  const [list, setList] = useState<List | null>(null);
  const [members, setMembers] = useState<Account[]>([]);
  const [handle, setHandle] = useState("");
  const [error, setError] = useState("");
  useEffect(() => {
    get<List>(`/api/v1/lists/${id}`).then(setList).catch((e) => setError((e as Error).message));
    get<Account[]>(`/api/v1/lists/${id}/accounts?limit=0`).then(setMembers).catch(() => undefined);
  }, [id]);

  const add = async (e: Event) => {
    e.preventDefault();
    setError("");
    const q = handle.trim().replace(/^@/, "");
    const found = await get<Account[]>(`/api/v1/accounts/search?following=true&limit=5&q=${encodeURIComponent(q)}`);
    const account = found.find((a) => a.acct === q || a.username === q) ?? found[0];
    if (!account) return setError(t("lists.notFound", { name: q }));
    try {
      await post(`/api/v1/lists/${id}/accounts`, { account_ids: [account.id] });
      setMembers([...members.filter((m) => m.id !== account.id), account]);
      setHandle("");
    } catch (err) {
      setError((err as Error).message);
    }
  };
  const remove = async (account: Account) => {
    await api("DELETE", `/api/v1/lists/${id}/accounts`, { account_ids: [account.id] });
    setMembers(members.filter((m) => m.id !== account.id));
  };

  if (!list) return error ? <p role="alert" class="alert">{t("error", { error })}</p> : <p class="muted">{t("loading")}</p>;
  return (
    <>
      <details class="card">
        <summary>{t("lists.members")} ({members.length})</summary>
        {error && <p role="alert" class="alert">{error}</p>}
        <ul class="plain">
          {members.map((m) => (
            <li key={m.id} class="member">
              <AccountLink account={m} />{" "}
              <button type="button" class="secondary small" onClick={() => remove(m)}>
                {t("lists.remove", { name: displayName(m) })}
              </button>
            </li>
          ))}
        </ul>
        <form class="search" onSubmit={add}>
          <label>
            {t("lists.addMember")}
            <input type="text" value={handle} onInput={(e) => setHandle((e.target as HTMLInputElement).value)} />
          </label>
          <button type="submit" disabled={!handle.trim()}>{t("lists.add")}</button>
        </form>
        <button type="button" class="secondary danger small" onClick={async () => {
          await api("DELETE", `/api/v1/lists/${id}`);
          navigate("/web/lists");
        }}>{t("lists.delete")}</button>
      </details>
      <Timeline kind="list" tag={id} title={list.title} me={me} key={id} />
    </>
  );
}
