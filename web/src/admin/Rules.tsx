// The server's rules: add, edit, remove and put them in order.
import { useEffect, useState } from "preact/hooks";
import { api, get, post } from "../api";
import { useRun } from "./hooks";
import { at } from "./i18n";
import { Alert } from "./parts";
import type { Rule } from "./serverTypes";

const PATH = "/api/v1/admin/rules";

function RuleForm({ initial, onSaved, onCancel }: { initial?: Rule; onSaved: () => void; onCancel?: () => void }) {
  const [text, setText] = useState(initial?.text ?? "");
  const [hint, setHint] = useState(initial?.hint ?? "");
  const [error, run] = useRun();
  return (
    <form class="admin-form" aria-label={initial ? at("rules.editing") : at("rules.new")} onSubmit={(e) => {
      e.preventDefault();
      run(async () => {
        if (initial) await api("PUT", `${PATH}/${initial.id}`, { text, hint });
        else await post(PATH, { text, hint });
        if (!initial) { setText(""); setHint(""); }
        onSaved();
      });
    }}>
      <label>{at("rules.text")}<input type="text" required maxLength={300} value={text} onInput={(e) => setText((e.target as HTMLInputElement).value)} /></label>
      <label>{at("rules.hint")}<input type="text" maxLength={2000} value={hint} onInput={(e) => setHint((e.target as HTMLInputElement).value)} /></label>
      <Alert error={error} />
      <button type="submit">{initial ? at("policy.save") : at("policy.add")}</button>
      {onCancel && <button type="button" class="secondary" onClick={onCancel}>{at("policy.cancel")}</button>}
    </form>
  );
}

export function Rules() {
  const [rules, setRules] = useState<Rule[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [error, run] = useRun();
  const reload = () => run(async () => setRules(await get<Rule[]>(PATH)));
  useEffect(() => { reload(); }, []);
  const act = (task: () => Promise<unknown>) => run(async () => { await task(); setRules(await get<Rule[]>(PATH)); });
  return (
    <section aria-labelledby="rules-title">
      <h2 id="rules-title">{at("rules.title")}</h2>
      <RuleForm onSaved={reload} />
      <Alert error={error} />
      <ol class="admin-entries">
        {rules.map((r, i) => (
          <li key={r.id}>
            {editing === r.id ? <RuleForm initial={r} onSaved={() => { setEditing(null); reload(); }} onCancel={() => setEditing(null)} /> : <>
              <span>{r.text}</span>{r.hint && <small> — {r.hint}</small>}{" "}
              <button type="button" class="secondary small" disabled={i === 0} onClick={() => act(() => post(`${PATH}/${r.id}/move_up`))}>
                {at("rules.up")}<span class="visually-hidden"> {r.text}</span></button>{" "}
              <button type="button" class="secondary small" disabled={i === rules.length - 1} onClick={() => act(() => post(`${PATH}/${r.id}/move_down`))}>
                {at("rules.down")}<span class="visually-hidden"> {r.text}</span></button>{" "}
              <button type="button" class="secondary small" onClick={() => setEditing(r.id)}>
                {at("policy.edit")}<span class="visually-hidden"> {r.text}</span></button>{" "}
              <button type="button" class="secondary danger small" onClick={() => act(() => api("DELETE", `${PATH}/${r.id}`))}>
                {at("policy.delete")}<span class="visually-hidden"> {r.text}</span></button>
            </>}
          </li>
        ))}
      </ol>
    </section>
  );
}
