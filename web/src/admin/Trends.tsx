// Reviewing trends (manage_taxonomies): the tags and posts that would trend,
// approved ones shown publicly, rejected ones never.
import { api } from "../api";
import type { Status } from "../types";
import { useRun, usePage } from "./hooks";
import { at } from "./i18n";
import { Alert } from "./parts";

interface AdminTag { id: string; name: string; url: string; trendable: boolean; requires_review: boolean }
type ReviewedStatus = Status & { requires_review: boolean };

function state(item: { trendable?: boolean; requires_review: boolean }) {
  if (item.requires_review) return at("trends.pending");
  return item.trendable === false ? at("trends.rejected") : at("trends.approved");
}

function Review<T extends { id: string; requires_review: boolean; trendable?: boolean }>(
  { kind, title, label }: { kind: "tags" | "statuses"; title: string; label: (item: T) => string },
) {
  const path = `/api/v1/admin/trends/${kind}`;
  const { items, setItems, error: loadError, loaded } = usePage<T>(path);
  const [error, run] = useRun();
  const review = (item: T, verb: "approve" | "reject") => run(async () => {
    const updated = await api<T>("POST", `${path}/${item.id}/${verb}`);
    const reviewed = { ...item, ...updated, requires_review: false, trendable: verb === "approve" };
    setItems(items.map((i) => (i.id === item.id ? reviewed : i)));
  });
  return (
    <section class="card" aria-labelledby={`trends-${kind}`}>
      <h3 id={`trends-${kind}`}>{title}</h3>
      <Alert error={loadError || error} />
      {loaded && items.length === 0 && <p>{at("trends.none")}</p>}
      <ul class="plain admin-entries">
        {items.map((item) => (
          <li key={item.id}>
            <span>{label(item)}</span> <span class="badge">{state(item)}</span>{" "}
            <button type="button" class="secondary small" onClick={() => review(item, "approve")}>
              {at("trends.approve")}<span class="visually-hidden"> {label(item)}</span>
            </button>{" "}
            <button type="button" class="secondary danger small" onClick={() => review(item, "reject")}>
              {at("trends.reject")}<span class="visually-hidden"> {label(item)}</span>
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

const plain = (html: string) => new DOMParser().parseFromString(html, "text/html").body.textContent ?? "";

export function Trends() {
  return (
    <>
      <h2>{at("trends.title")}</h2>
      <Review<AdminTag> kind="tags" title={at("trends.tags")} label={(t) => `#${t.name}`} />
      <Review<ReviewedStatus> kind="statuses" title={at("trends.statuses")}
        label={(s) => `@${s.account.acct}: ${plain(s.content).slice(0, 80)}`} />
    </>
  );
}
