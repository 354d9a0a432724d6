// An account: header, counts, bio, relationship actions and posts.
import { useEffect, useState } from "preact/hooks";
import { get, page, post } from "../api";
import { t } from "../i18n";
import type { Account, Relationship, Status } from "../types";
import { ReportDialog } from "../components/dialogs";
import { displayName } from "../names";
import { StatusList } from "./StatusList";

export function Profile({ id, me }: { id: string; me: Account | null }) {
  const [account, setAccount] = useState<Account | null>(null);
  const [rel, setRel] = useState<Relationship | null>(null);
  const [statuses, setStatuses] = useState<Status[]>([]);
  const [error, setError] = useState("");
  const [busy, setBusy] = useState(false);
  const [reporting, setReporting] = useState(false);

  useEffect(() => {
    setAccount(null);
    setRel(null);
    setStatuses([]);
    setError("");
    Promise.all([
      get<Account>(`/api/v1/accounts/${id}`),
      get<Relationship[]>(`/api/v1/accounts/relationships?id[]=${encodeURIComponent(id)}`),
      page<Status>(`/api/v1/accounts/${id}/statuses`),
    ])
      .then(([a, r, s]) => {
        setAccount(a);
        setRel(r[0] ?? null);
        setStatuses(s.items);
      })
      .catch((e) => setError((e as Error).message));
  }, [id]);

  const act = async (action: string) => {
    setBusy(true);
    try {
      setRel(await post<Relationship>(`/api/v1/accounts/${id}/${action}`));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  if (error) return <p role="alert" class="alert">{t("error", { error })}</p>;
  if (!account) return <p class="muted" role="status">{t("loading")}</p>;
  const self = me?.id === account.id;
  return (
    <section aria-labelledby="profile-title" class="profile">
      {account.moved && (
        <p class="card moved" role="note">
          {t("profile.moved", { name: displayName(account) })}{" "}
          <a href={`/web/accounts/${account.moved.id}`}>@{account.moved.acct}</a>
        </p>
      )}
      <div class="card profile-card">
        <img class="avatar large" src={account.avatar} alt="" width={80} height={80} />
        <div>
          <h1 id="profile-title">{displayName(account)}</h1>
          <p class="muted">@{account.acct}{rel?.followed_by ? ` · ${t("profile.followsYou")}` : ""}</p>
          <p class="counts">
            <span>{t("profile.posts", { count: account.statuses_count })}</span>{" "}
            <span>{t("profile.following", { count: account.following_count })}</span>{" "}
            <span>{t("profile.followers", { count: account.followers_count })}</span>
          </p>
        </div>
        <div class="content bio" dangerouslySetInnerHTML={{ __html: account.note }} />
        {self ? (
          <p class="muted">{t("profile.you")}</p>
        ) : rel && (
          <div class="actions">
            <button type="button" disabled={busy || rel.blocking}
              onClick={() => act(rel.following || rel.requested ? "unfollow" : "follow")}>
              {rel.following ? t("profile.unfollow") : rel.requested ? t("profile.requested") : t("profile.follow")}
            </button>
            <button type="button" class="secondary" disabled={busy} aria-pressed={rel.muting}
              onClick={() => act(rel.muting ? "unmute" : "mute")}>
              {rel.muting ? t("profile.unmute") : t("profile.mute")}
            </button>
            <button type="button" class="secondary danger" disabled={busy} aria-pressed={rel.blocking}
              onClick={() => act(rel.blocking ? "unblock" : "block")}>
              {rel.blocking ? t("profile.unblock") : t("profile.block")}
            </button>
            <button type="button" class="secondary danger" onClick={() => setReporting(true)}>{t("report.button")}</button>
          </div>
        )}
      </div>
      {reporting && <ReportDialog account={account} onClose={() => setReporting(false)} />}
      <StatusList statuses={statuses} setStatuses={setStatuses} me={me} />
    </section>
  );
}
