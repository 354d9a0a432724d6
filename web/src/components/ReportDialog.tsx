// Reporting an account (and optionally one of its posts) to the moderators:
// a category, the server's rules it breaks, a comment, and for a remote
// account whether to send a copy to its server (POST /api/v1/reports).
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { t, type Key } from "../i18n";
import type { Account } from "../types";
import { Dialog } from "./Dialog";
import { displayName } from "../names";

interface Rule { id: string; text: string }
const CATEGORIES = ["spam", "legal", "violation", "other"] as const;

let rules: Promise<Rule[]> | null = null;
const instanceRules = () => (rules ??= get<Rule[]>("/api/v1/instance/rules").catch(() => []));

interface Props { account: Account; statusId?: string; onClose: () => void }

export function ReportDialog({ account, statusId, onClose }: Props) {
  const [all, setAll] = useState<Rule[]>([]);
  const [category, setCategory] = useState<(typeof CATEGORIES)[number]>("spam");
  const [ruleIds, setRuleIds] = useState<string[]>([]);
  const [comment, setComment] = useState("");
  const [forward, setForward] = useState(false);
  const [state, setState] = useState<"editing" | "sending" | "sent">("editing");
  const [error, setError] = useState("");
  const remote = account.acct.includes("@");
  useEffect(() => void instanceRules().then(setAll), []);
  const categories = CATEGORIES.filter((c) => c !== "violation" || all.length > 0);

  const send = async (e: Event) => {
    e.preventDefault();
    setState("sending");
    try {
      await post("/api/v1/reports", {
        account_id: account.id, status_ids: statusId ? [statusId] : [], comment, category, forward: remote && forward,
        rule_ids: category === "violation" ? ruleIds : [],
      });
      setState("sent");
    } catch (err) {
      setError((err as Error).message);
      setState("editing");
    }
  };
  const label = t("report.title", { name: displayName(account) });
  return (
    <Dialog label={label} onClose={onClose}>
      <h2>{label}</h2>
      {state === "sent" ? <p role="status">{t("report.sent")}</p> : (
        <form onSubmit={send}>
          <fieldset>
            <legend>{t("report.category")}</legend>
            {categories.map((c) => (
              <label class="check" key={c}>
                <input type="radio" name="category" value={c} checked={category === c} onChange={() => setCategory(c)} />
                {t(`report.${c}` as Key)}
              </label>
            ))}
          </fieldset>
          {category === "violation" && (
            <fieldset>
              <legend>{t("report.rules")}</legend>
              {all.map((r) => (
                <label class="check" key={r.id}>
                  <input type="checkbox" checked={ruleIds.includes(r.id)} onChange={(e) => setRuleIds((ids) =>
                    (e.target as HTMLInputElement).checked ? [...ids, r.id] : ids.filter((x) => x !== r.id))} />
                  {r.text}
                </label>
              ))}
            </fieldset>
          )}
          <label>
            {t("report.comment")}
            <textarea rows={3} maxLength={1000} value={comment} onInput={(e) => setComment((e.target as HTMLTextAreaElement).value)} />
          </label>
          {remote && (
            <label class="check">
              <input type="checkbox" checked={forward} onChange={(e) => setForward((e.target as HTMLInputElement).checked)} />
              {t("report.forward", { server: account.acct.split("@")[1] })}
            </label>
          )}
          {error && <p role="alert" class="alert">{t("error", { error })}</p>}
          <div class="actions">
            <button type="submit" disabled={state === "sending" || (category === "violation" && ruleIds.length === 0)}>
              {t("report.send")}
            </button>
          </div>
        </form>
      )}
    </Dialog>
  );
}
