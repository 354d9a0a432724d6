// One account as moderators see it: sign-up facts, approving or rejecting a
// pending sign-up, undoing earlier actions and taking a new one.
import { useEffect, useState } from "preact/hooks";
import { get, post } from "../api";
import { navigate } from "../router";
import { ActionForm } from "./ActionForm";
import { useRun } from "./hooks";
import { at } from "./i18n";
import { acct, Alert, States } from "./parts";
import type { AdminKey } from "./strings/en";
import type { AdminAccount } from "./types";

// The endpoints that undo a state, and when each applies.
const UNDO: [string, AdminKey, (a: AdminAccount) => boolean][] = [
  ["enable", "account.enable", (a) => a.disabled],
  ["unsilence", "account.unsilence", (a) => a.silenced],
  ["unsensitive", "account.unsensitive", (a) => a.sensitized],
  ["unsuspend", "account.unsuspend", (a) => a.suspended],
];

export function AccountDetail({ id }: { id: string }) {
  const [account, setAccount] = useState<AdminAccount | null>(null);
  const [error, run] = useRun();
  const path = `/api/v1/admin/accounts/${id}`;
  const load = () => run(() => get<AdminAccount>(path).then(setAccount));
  useEffect(() => void load(), [id]);
  const change = (action: string) => run(async () => setAccount(await post<AdminAccount>(`${path}/${action}`)));

  if (!account) return error ? <Alert error={error} /> : <p class="muted" role="status">{at("loading")}</p>;
  return (
    <article aria-labelledby="account-title">
      <h2 id="account-title">{acct(account)} <States account={account} /></h2>
      <dl class="card admin-facts">
        <dt>{at("account.profile")}</dt><dd><a href={`/web/accounts/${account.id}`}>{account.account.display_name || account.username}</a></dd>
        {account.email && <><dt>{at("accounts.email")}</dt><dd>{account.email}</dd></>}
        {account.ip && <><dt>{at("accounts.ip")}</dt><dd>{account.ip}</dd></>}
        <dt>{at("account.joined")}</dt><dd>{new Date(account.created_at).toLocaleString()}</dd>
        {account.role && <><dt>{at("account.role")}</dt><dd>{account.role.name}</dd></>}
        {account.invite_request && <><dt>{at("account.reason")}</dt><dd>{account.invite_request}</dd></>}
      </dl>
      <div class="admin-buttons">
        {!account.approved && <>
          <button type="button" onClick={() => change("approve")}>{at("account.approve")}</button>
          <button type="button" class="secondary danger" onClick={() => run(async () => {
            await post(`${path}/reject`);
            navigate("/web/admin/accounts?status=pending");
          })}>{at("account.reject")}</button>
        </>}
        {UNDO.filter(([, , applies]) => applies(account)).map(([action, label]) => (
          <button key={action} type="button" class="secondary" onClick={() => change(action)}>{at(label)}</button>
        ))}
      </div>
      <Alert error={error} />
      {!account.suspended && <ActionForm accountId={account.id} onDone={load} />}
    </article>
  );
}
