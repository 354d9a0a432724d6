// Every member's invite links (manage_invites): usable or expired, expire one
// or all of them.
import { useState } from "preact/hooks";
import { api } from "../api";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";

export interface Invite {
  id: string; code: string; url: string; uses: number; max_uses: number | null; expires_at: string | null;
  expired: boolean; comment: string; created_at: string; account: { id: string; username: string };
}

export function Invites() {
  const [state, setState] = useState("available");
  const { items, setItems, error: loadError, more } = usePage<Invite>(`/api/v1/admin/invites?state=${state}`);
  const [error, run] = useRun();
  const expire = (invite: Invite) => run(async () => {
    const updated = await api<Invite>("DELETE", `/api/v1/admin/invites/${invite.id}`);
    setItems(items.map((i) => (i.id === invite.id ? updated : i)));
  });
  const expireAll = () => run(async () => {
    await api("POST", "/api/v1/admin/invites/deactivate_all");
    setItems(items.map((i) => ({ ...i, expired: true })));
  });
  return (
    <section class="card" aria-labelledby="invites-title">
      <h2 id="invites-title">{at("invites.title")}</h2>
      <label>
        {at("invites.filter")}
        <select value={state} onChange={(e) => setState((e.target as HTMLSelectElement).value)}>
          <option value="available">{at("invites.available")}</option>
          <option value="expired">{at("invites.expired")}</option>
        </select>
      </label>{" "}
      <button type="button" class="secondary danger" onClick={expireAll}>{at("invites.expireAll")}</button>
      <Alert error={loadError || error} />
      {items.length === 0 && <p>{at("invites.none")}</p>}
      <ul class="plain admin-entries">
        {items.map((i) => (
          <li key={i.id}>
            <span>{at("invites.item", { code: i.code, user: i.account.username, uses: i.uses,
              max: i.max_uses ?? "∞", expires: i.expires_at ? new Date(i.expires_at).toLocaleString() : at("invites.never") })}</span>{" "}
            {i.expired ? <span class="badge">{at("invites.expiredBadge")}</span> :
              <button type="button" class="secondary danger small" onClick={() => expire(i)}>
                {at("invites.expire")}<span class="visually-hidden"> {i.code}</span>
              </button>}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
