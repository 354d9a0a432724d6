// Small pieces every admin screen uses.
import type { AdminAccount } from "./types";
import { at } from "./i18n";
import type { AdminKey } from "./strings/en";

export function Alert({ error }: { error: string }) {
  return error ? <p role="alert" class="alert">{at("error", { error })}</p> : null;
}

export function More({ more }: { more: (() => void) | null }) {
  return more ? <button type="button" class="secondary" onClick={more}>{at("more")}</button> : null;
}

export const acct = (a: AdminAccount) => (a.domain ? `@${a.username}@${a.domain}` : `@${a.username}`);

export function AccountRef({ account }: { account: AdminAccount }) {
  return <a href={`/web/admin/accounts/${account.id}`}>{acct(account)}</a>;
}

// The account's moderation state as badges (nothing for an active account).
export function States({ account }: { account: AdminAccount }) {
  const states: string[] = [];
  if (!account.approved) states.push(at("state.pending"));
  if (account.disabled) states.push(at("state.disabled"));
  if (account.silenced) states.push(at("state.silenced"));
  if (account.suspended) states.push(at("state.suspended"));
  if (account.sensitized) states.push(at("state.sensitized"));
  return <>{states.map((s) => <span key={s} class="badge">{s}</span>)}</>;
}

// A labelled choice among fixed values (bound with useFields' bind).
export function Select({ label, options, bound }: { label: string; options: [string, AdminKey][]; bound: { value: string; onInput: (e: Event) => void } }) {
  return (
    <label>
      {label}
      <select value={bound.value} onChange={bound.onInput}>
        {options.map(([value, key]) => <option key={value} value={value}>{at(key)}</option>)}
      </select>
    </label>
  );
}
