// A moderation action on an account (Mastodon's POST /admin/accounts/:id/action):
// a warning, marking media sensitive, freezing, limiting or suspending, with a
// text for the member; from a report it also resolves that report.
import { useState } from "preact/hooks";
import { post } from "../api";
import { useRun } from "./hooks";
import { at } from "./i18n";
import { Alert } from "./parts";
import type { AdminKey } from "./strings/en";

const TYPES: [string, AdminKey][] = [
  ["none", "action.none"], ["sensitive", "action.sensitive"], ["disable", "action.disable"],
  ["silence", "action.silence"], ["suspend", "action.suspend"],
];

export function ActionForm({ accountId, reportId, onDone }: { accountId: string; reportId?: string; onDone: () => void }) {
  const [type, setType] = useState("none");
  const [text, setText] = useState("");
  const [notify, setNotify] = useState(true);
  const [error, run] = useRun();
  const submit = (e: Event) => {
    e.preventDefault();
    run(async () => {
      await post(`/api/v1/admin/accounts/${accountId}/action`,
        { type, text, report_id: reportId, send_email_notification: notify });
      setText("");
      onDone();
    });
  };
  return (
    <form class="card admin-action" aria-labelledby="action-title" onSubmit={submit}>
      <h3 id="action-title">{at("action.title")}</h3>
      <fieldset>
        <legend>{at("action.type")}</legend>
        {TYPES.map(([value, label]) => (
          <label key={value} class="check">
            <input type="radio" name="action-type" value={value} checked={type === value} onChange={() => setType(value)} />
            {" "}{at(label)}
          </label>
        ))}
      </fieldset>
      <label>
        {at("action.text")}
        <textarea maxLength={5000} value={text} onInput={(e) => setText((e.target as HTMLTextAreaElement).value)} />
      </label>
      <label class="check">
        <input type="checkbox" checked={notify} onChange={(e) => setNotify((e.target as HTMLInputElement).checked)} />
        {" "}{at("action.notify")}
      </label>
      <Alert error={error} />
      <button type="submit" class={type === "suspend" ? "danger" : undefined}>{at("action.submit")}</button>
    </form>
  );
}
