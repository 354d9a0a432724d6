// Roles: the built-in ones (read only) and custom ones with Mastodon's
// permission flags, a position below the editor's own, a colour and whether
// the role shows on profiles.
import { useEffect, useState } from "preact/hooks";
import { api, get, post } from "../api";
import { useRun } from "./hooks";
import { at } from "./i18n";
import { Alert } from "./parts";
import type { Role } from "./serverTypes";

const PATH = "/api/v1/admin/roles";
const BUILT_IN = new Set(["1", "2", "3"]);
// Mastodon's permission flags by bit.
const FLAGS = ["administrator", "view_devops", "view_audit_log", "view_dashboard", "manage_reports",
  "manage_federation", "manage_settings", "manage_blocks", "manage_taxonomies", "manage_appeals", "manage_users",
  "manage_invites", "manage_rules", "manage_announcements", "manage_custom_emojis", "manage_webhooks",
  "invite_users", "manage_roles", "manage_user_access", "delete_user_data"];

function RoleForm({ initial, onSaved, onCancel }: { initial?: Role; onSaved: () => void; onCancel?: () => void }) {
  const [role, setRole] = useState({ name: initial?.name ?? "", color: initial?.color ?? "", position: initial?.position ?? 0,
    permissions: Number(initial?.permissions ?? 0), highlighted: initial?.highlighted ?? false });
  const [error, run] = useRun();
  const text = (key: "name" | "color") => ({ value: role[key], onInput: (e: Event) => setRole({ ...role, [key]: (e.target as HTMLInputElement).value }) });
  const flip = (bit: number) => setRole({ ...role, permissions: role.permissions ^ (1 << bit) });
  return (
    <form class="admin-form" aria-label={initial ? at("roles.editing", { name: initial.name }) : at("roles.new")} onSubmit={(e) => {
      e.preventDefault();
      run(async () => {
        if (initial) await api("PUT", `${PATH}/${initial.id}`, role);
        else await post(PATH, role);
        onSaved();
      });
    }}>
      <label>{at("roles.name")}<input type="text" required maxLength={64} {...text("name")} /></label>
      <label>{at("roles.color")}<input type="text" maxLength={7} placeholder="#ff8800" {...text("color")} /></label>
      <label>{at("roles.position")}<input type="number" value={role.position}
        onInput={(e) => setRole({ ...role, position: Number((e.target as HTMLInputElement).value) })} /></label>
      <label class="check"><input type="checkbox" checked={role.highlighted}
        onChange={(e) => setRole({ ...role, highlighted: (e.target as HTMLInputElement).checked })} /> {at("roles.highlighted")}</label>
      <fieldset>
        <legend>{at("roles.permissions")}</legend>
        {FLAGS.map((flag, bit) => (
          <label class="check" key={flag}><input type="checkbox" checked={(role.permissions & (1 << bit)) !== 0} onChange={() => flip(bit)} /> {flag}</label>
        ))}
      </fieldset>
      <Alert error={error} />
      <button type="submit">{initial ? at("policy.save") : at("policy.add")}</button>
      {onCancel && <button type="button" class="secondary" onClick={onCancel}>{at("policy.cancel")}</button>}
    </form>
  );
}

export function Roles() {
  const [roles, setRoles] = useState<Role[]>([]);
  const [editing, setEditing] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [error, run] = useRun();
  const reload = () => run(async () => setRoles(await get<Role[]>(PATH)));
  useEffect(() => { reload(); }, []);
  return (
    <section aria-labelledby="roles-title">
      <h2 id="roles-title">{at("roles.title")}</h2>
      {adding ? <RoleForm onSaved={() => { setAdding(false); reload(); }} onCancel={() => setAdding(false)} />
        : <button type="button" onClick={() => setAdding(true)}>{at("roles.new")}</button>}
      <Alert error={error} />
      <ul class="plain admin-entries">
        {roles.map((r) => (
          <li key={r.id}>
            {editing === r.id ? <RoleForm initial={r} onSaved={() => { setEditing(null); reload(); }} onCancel={() => setEditing(null)} /> : <>
              <span style={r.color ? { color: r.color } : undefined}>{r.name}</span>{" "}
              <small>{at("roles.summary", { position: r.position, count: FLAGS.filter((_, bit) => (Number(r.permissions) & (1 << bit)) !== 0).length })}</small>{" "}
              {!BUILT_IN.has(r.id) && <>
                <button type="button" class="secondary small" onClick={() => setEditing(r.id)}>
                  {at("policy.edit")}<span class="visually-hidden"> {r.name}</span></button>{" "}
                <button type="button" class="secondary danger small" onClick={() => run(async () => { await api("DELETE", `${PATH}/${r.id}`); await reload(); })}>
                  {at("policy.delete")}<span class="visually-hidden"> {r.name}</span></button>
              </>}
            </>}
          </li>
        ))}
      </ul>
    </section>
  );
}
