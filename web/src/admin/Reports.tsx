// The reports queue: open or resolved reports, newest first.
import { usePage } from "./hooks";
import { at } from "./i18n";
import { acct, Alert, More } from "./parts";
import { categoryLabel } from "./ReportDetail";
import type { Report } from "./types";

export function Reports({ resolved }: { resolved: boolean }) {
  const { items, error, loaded, more } = usePage<Report>(`/api/v1/admin/reports${resolved ? "?resolved=true" : ""}`);
  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{at("reports.title")}</h2>
      <nav aria-label={at("reports.filter")} class="admin-filter">
        <a href="/web/admin/reports" aria-current={resolved ? undefined : "page"}>{at("reports.open")}</a>
        <a href="/web/admin/reports?resolved=true" aria-current={resolved ? "page" : undefined}>{at("reports.resolved")}</a>
      </nav>
      <Alert error={error} />
      {loaded && items.length === 0 && <p class="muted">{at("reports.none")}</p>}
      <ul class="plain">
        {items.map((r) => (
          <li key={r.id} class="card">
            <a href={`/web/admin/reports/${r.id}`}>
              {at("reports.item", { id: r.id, target: acct(r.target_account), reporter: acct(r.account) })}
            </a>{" "}
            <span class="badge">{categoryLabel(r.category)}</span>
            {r.comment && <p class="muted">{r.comment}</p>}
          </li>
        ))}
      </ul>
      <More more={more} />
    </section>
  );
}
