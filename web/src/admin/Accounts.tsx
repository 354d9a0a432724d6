// Accounts with Mastodon's v2 filters: origin, status, username, e-mail, IP.
import { useState } from "preact/hooks";
import { useFields, usePage } from "./hooks";
import { at } from "./i18n";
import { AccountRef, Alert, More, Select, States } from "./parts";
import type { AdminKey } from "./strings/en";
import type { AdminAccount } from "./types";

const ORIGINS: [string, AdminKey][] = [["", "accounts.any"], ["local", "accounts.local"], ["remote", "accounts.remote"]];
const STATUSES: [string, AdminKey][] = [
  ["", "accounts.any"], ["active", "state.active"], ["pending", "state.pending"], ["disabled", "state.disabled"],
  ["silenced", "state.silenced"], ["suspended", "state.suspended"],
];
const EMPTY = { origin: "", status: "", username: "", email: "", ip: "" };

export function Accounts({ initialStatus }: { initialStatus: string }) {
  const { values, bind } = useFields({ ...EMPTY, status: initialStatus });
  const [applied, setApplied] = useState(values);
  const query = new URLSearchParams(Object.entries(applied).filter(([, v]) => v)).toString();
  const { items, error, loaded, more } = usePage<AdminAccount>(`/api/v2/admin/accounts${query ? `?${query}` : ""}`);
  return (
    <section aria-labelledby="accounts-title">
      <h2 id="accounts-title">{at("accounts.title")}</h2>
      <form class="card admin-form" aria-label={at("accounts.filters")} onSubmit={(e) => {
        e.preventDefault();
        setApplied(values);
      }}>
        <Select label={at("accounts.origin")} options={ORIGINS} bound={bind("origin")} />
        <Select label={at("accounts.status")} options={STATUSES} bound={bind("status")} />
        <label>{at("accounts.username")}<input type="text" maxLength={100} {...bind("username")} /></label>
        <label>{at("accounts.email")}<input type="text" maxLength={320} {...bind("email")} /></label>
        <label>{at("accounts.ip")}<input type="text" maxLength={64} {...bind("ip")} /></label>
        <button type="submit">{at("accounts.apply")}</button>
      </form>
      <Alert error={error} />
      {loaded && items.length === 0 && <p class="muted">{at("accounts.none")}</p>}
      <ul class="plain">
        {items.map((a) => (
          <li key={a.id} class="card">
            <AccountRef account={a} /> <States account={a} />
            {a.email && <span class="muted"> {a.email}</span>}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
