// One report: who reported whom for what, the reported posts, assignment,
// resolving or reopening, and an action on the reported account.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import type { Account } from "../types";
import { ActionForm } from "./ActionForm";
import { useRun } from "./hooks";
import { at } from "./i18n";
import { AccountRef, Alert, States } from "./parts";
import type { AdminKey } from "./strings/en";
import type { Report } from "./types";

const CATEGORIES: Record<string, AdminKey> = {
  spam: "category.spam", legal: "category.legal", violation: "category.violation", other: "category.other",
};
export const categoryLabel = (c: string) => at(CATEGORIES[c] ?? "category.other");

export function ReportDetail({ id, me }: { id: string; me: Account | null }) {
  const [report, setReport] = useState<Report | null>(null);
  const [error, run] = useRun();
  const load = () => run(() => get<Report>(`/api/v1/admin/reports/${id}`).then(setReport));
  useEffect(() => void load(), [id]);
  const change = (action: string) => run(async () => setReport(await post<Report>(`/api/v1/admin/reports/${id}/${action}`)));

  if (!report) return error ? <Alert error={error} /> : <p class="muted" role="status">{at("loading")}</p>;
  const mine = report.assigned_account?.id === me?.id;
  return (
    <article aria-labelledby="report-title">
      <h2 id="report-title">{at("report.title", { id })}</h2>
      <dl class="card admin-facts">
        <dt>{at("report.state")}</dt>
        <dd>{report.action_taken ? at("reports.resolved") : at("reports.open")}</dd>
        <dt>{at("report.reporter")}</dt><dd><AccountRef account={report.account} /></dd>
        <dt>{at("report.target")}</dt><dd><AccountRef account={report.target_account} /> <States account={report.target_account} /></dd>
        <dt>{at("report.category")}</dt><dd>{categoryLabel(report.category)}</dd>
        {report.rules.length > 0 && <><dt>{at("report.rules")}</dt><dd><ul>{report.rules.map((r) => <li key={r.id}>{r.text}</li>)}</ul></dd></>}
        <dt>{at("report.comment")}</dt><dd>{report.comment || "—"}</dd>
        <dt>{at("report.assigned")}</dt>
        <dd>{report.assigned_account ? <AccountRef account={report.assigned_account} /> : at("report.nobody")}</dd>
      </dl>
      <div class="admin-buttons">
        <button type="button" class="secondary" onClick={() => change(mine ? "unassign" : "assign_to_self")}>
          {mine ? at("report.unassign") : at("report.assign")}
        </button>
        <button type="button" class="secondary" onClick={() => change(report.action_taken ? "reopen" : "resolve")}>
          {report.action_taken ? at("report.reopen") : at("report.resolve")}
        </button>
      </div>
      <Alert error={error} />
      <h3>{at("report.statuses")}</h3>
      {report.statuses.length === 0 && <p class="muted">{at("report.noStatuses")}</p>}
      <ul class="plain">
        {report.statuses.map((s) => (
          <li key={s.id} class="card">
            {s.spoiler_text && <p><strong>{s.spoiler_text}</strong></p>}
            {/* The server sanitizes status HTML, as everywhere in the client. */}
            <div class="content" dangerouslySetInnerHTML={{ __html: s.content }} />
            <a class="muted" href={`/web/statuses/${s.id}`}>{new Date(s.created_at).toLocaleString()}</a>
          </li>
        ))}
      </ul>
      {!report.action_taken && <ActionForm accountId={report.target_account.id} reportId={report.id} onDone={load} />}
    </article>
  );
}
