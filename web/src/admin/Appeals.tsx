// Appeals of strikes (manage_appeals): approving undoes the strike's action,
// rejecting keeps it; the member is mailed either way.
import { useState } from "preact/hooks";
import { api } from "../api";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";

interface Appeal {
  id: string; text: string; state: "pending" | "approved" | "rejected"; created_at: string;
  account: { id: string; acct: string };
  strike: { id: string; action: string; text: string; created_at: string };
}

export function Appeals() {
  const [filter, setFilter] = useState("pending");
  const { items, setItems, error: loadError, loaded, more } = usePage<Appeal>(`/api/v1/admin/disputes/appeals?state=${filter}`);
  const [error, run] = useRun();
  const decide = (appeal: Appeal, verb: "approve" | "reject") => run(async () => {
    const updated = await api<Appeal>("POST", `/api/v1/admin/disputes/appeals/${appeal.id}/${verb}`);
    setItems(items.map((a) => (a.id === appeal.id ? updated : a)));
  });
  return (
    <section class="card" aria-labelledby="appeals-title">
      <h2 id="appeals-title">{at("appeals.title")}</h2>
      <label>
        {at("appeals.filter")}
        <select value={filter} onChange={(e) => setFilter((e.target as HTMLSelectElement).value)}>
          <option value="pending">{at("appeals.pending")}</option>
          <option value="approved">{at("appeals.approved")}</option>
          <option value="rejected">{at("appeals.rejected")}</option>
        </select>
      </label>
      <Alert error={loadError || error} />
      {loaded && items.length === 0 && <p>{at("appeals.none")}</p>}
      <ul class="plain">
        {items.map((a) => (
          <li key={a.id} class="card">
            <p><a href={`/web/admin/accounts/${a.account.id}`}>@{a.account.acct}</a>{" "}
              {at("appeals.strike", { action: a.strike.action, date: new Date(a.strike.created_at).toLocaleDateString() })}</p>
            {a.strike.text && <blockquote>{a.strike.text}</blockquote>}
            <p>{at("appeals.text")}: {a.text}</p>
            {a.state === "pending" ? <>
              <button type="button" onClick={() => decide(a, "approve")}>{at("appeals.approve")}</button>{" "}
              <button type="button" class="secondary danger" onClick={() => decide(a, "reject")}>{at("appeals.reject")}</button>
            </> : <span class="badge">{at(a.state === "approved" ? "appeals.approved" : "appeals.rejected")}</span>}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
