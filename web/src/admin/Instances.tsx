// The servers we federate with: what we hold from each, how delivering to it
// goes, and the policy on it, with a way to block it.
import { useState } from "preact/hooks";
import { usePage } from "./hooks";
import { at } from "./i18n";
import { Alert, More } from "./parts";
import type { Instance } from "./serverTypes";

const when = (t: string | null) => (t ? new Date(t).toLocaleString() : at("instances.never"));

export function Instances() {
  const [search, setSearch] = useState("");
  const { items, error, loaded, more } = usePage<Instance>(`/api/v1/admin/instances?by_domain=${encodeURIComponent(search)}`);
  return (
    <section aria-labelledby="instances-title">
      <h2 id="instances-title">{at("instances.title")}</h2>
      <label>{at("instances.search")}<input type="search" value={search} maxLength={253}
        onChange={(e) => setSearch((e.target as HTMLInputElement).value.trim())} /></label>
      <Alert error={error} />
      {loaded && items.length === 0 && <p>{at("instances.none")}</p>}
      <table class="admin-table">
        <thead><tr>
          <th>{at("instances.domain")}</th><th>{at("instances.accounts")}</th><th>{at("instances.statuses")}</th>
          <th>{at("instances.delivery")}</th><th>{at("instances.policy")}</th>
        </tr></thead>
        <tbody>{items.map((i) => (
          <tr key={i.domain}>
            <td>{i.domain}{i.software && <small> ({i.software})</small>}</td>
            <td>{i.accounts_count}</td>
            <td>{i.statuses_count}</td>
            <td>{i.unavailable_since
              ? at("instances.failing", { since: when(i.unavailable_since), count: i.failure_count })
              : at("instances.lastSuccess", { when: when(i.last_success_at) })}</td>
            <td>{i.domain_block ? at("instances.blocked", { severity: i.domain_block.severity })
              : i.domain_allow ? at("instances.allowed")
              : <a href="/web/admin/policy">{at("instances.block")}<span class="visually-hidden"> {i.domain}</span></a>}</td>
          </tr>
        ))}</tbody>
      </table>
      <More more={more} />
    </section>
  );
}
