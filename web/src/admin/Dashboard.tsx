// The dashboard: sign-ups, active members, reports and interactions over the
// last 30 days (Mastodon's measures), storage (space_usage) and the job queue.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { at } from "./i18n";
import { Alert } from "./parts";
import type { AdminKey } from "./strings/en";
import type { Dimension, Measure, QueueCount } from "./serverTypes";

const MEASURES: [string, AdminKey][] = [
  ["new_users", "dashboard.newUsers"], ["active_users", "dashboard.activeUsers"],
  ["opened_reports", "dashboard.openedReports"], ["resolved_reports", "dashboard.resolvedReports"],
  ["interactions", "dashboard.interactions"],
];

export function Dashboard() {
  const [measures, setMeasures] = useState<Measure[] | null>(null);
  const [space, setSpace] = useState<Dimension | null>(null);
  const [queues, setQueues] = useState<QueueCount[] | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    const end = new Date();
    const start = new Date(end.getTime() - 29 * 86400000);
    const period = { start_at: start.toISOString(), end_at: end.toISOString() };
    const fail = (e: unknown) => setError((e as Error).message);
    post<Measure[]>("/api/v1/admin/measures", { keys: MEASURES.map(([k]) => k), ...period }).then(setMeasures, fail);
    post<Dimension[]>("/api/v1/admin/dimensions", { keys: ["space_usage"], ...period }).then((d) => setSpace(d[0] ?? null), fail);
    get<QueueCount[]>("/api/v1/admin/queues").then(setQueues, fail);
  }, []);
  return (
    <section aria-labelledby="dashboard-title">
      <h2 id="dashboard-title">{at("dashboard.title")}</h2>
      <Alert error={error} />
      <ul class="plain admin-stats" aria-label={at("dashboard.period")}>
        {measures && MEASURES.map(([key, label]) => {
          const m = measures.find((x) => x.key === key);
          return m && <li key={key} class="card"><strong>{m.human_value ?? m.total}</strong> {at(label)}</li>;
        })}
      </ul>
      <h3>{at("dashboard.space")}</h3>
      <ul class="plain admin-entries">
        {space?.data.map((e) => <li key={e.key}>{e.human_key}: {e.human_value ?? e.value}</li>)}
      </ul>
      <h3>{at("dashboard.queues")}</h3>
      {queues && (queues.length === 0 ? <p>{at("dashboard.queuesEmpty")}</p> : (
        <table class="admin-table">
          <thead><tr><th>{at("dashboard.queue")}</th><th>{at("dashboard.waiting")}</th><th>{at("dashboard.dead")}</th></tr></thead>
          <tbody>{queues.map((q) => (
            <tr key={`${q.queue}/${q.kind}`}><td>{q.queue} / {q.kind}</td><td>{q.waiting}</td><td>{q.dead}</td></tr>
          ))}</tbody>
        </table>
      ))}
    </section>
  );
}
