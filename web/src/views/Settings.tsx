// The member's settings: profile, privacy defaults, and the server's own
// pages for the password, two-factor authentication, notification mails,
// data and moving the account.
import { useEffect, useState } from "preact/hooks";
import { get } from "../api";
import { t } from "../i18n";
import type { CredentialAccount } from "../settings/credentials";
import { PrivacySettings } from "../settings/PrivacySettings";
import { ProfileSettings } from "../settings/ProfileSettings";

export function Settings() {
  const [me, setMe] = useState<CredentialAccount | null>(null);
  const [error, setError] = useState("");
  useEffect(() => {
    get<CredentialAccount>("/api/v1/accounts/verify_credentials").then(setMe).catch((e) => setError((e as Error).message));
  }, []);
  return (
    <section aria-labelledby="settings-title">
      <h1 id="settings-title">{t("settings.title")}</h1>
      {error && <p role="alert" class="alert">{t("error", { error })}</p>}
      {!me && !error && <p class="muted" role="status">{t("loading")}</p>}
      {me && <ProfileSettings me={me} onSaved={setMe} />}
      {me && <PrivacySettings me={me} onSaved={setMe} />}
      <div class="card">
        <h2>{t("settings.security")}</h2>
        <ul class="plain">
          <li><a href="/auth/password/new">{t("settings.password")}</a></li>
          <li><a href="/settings/two_factor">{t("settings.twoFactor")}</a></li>
          <li><a href="/oauth/authorized_applications">{t("settings.authorizedApps")}</a></li>
          <li><a href="/web/strikes">{t("settings.strikes")}</a></li>
        </ul>
      </div>
      <div class="card">
        <h2>{t("settings.notifications")}</h2>
        <ul class="plain">
          <li><a href="/settings/preferences/notifications">{t("settings.notificationMails")}</a></li>
        </ul>
      </div>
      <div class="card">
        <h2>{t("settings.yourData")}</h2>
        <ul class="plain">
          <li><a href="/settings/export">{t("settings.export")}</a></li>
          <li><a href="/settings/imports">{t("settings.import")}</a></li>
          <li><a href="/settings/migration">{t("settings.moveTo")}</a></li>
          <li><a href="/settings/aliases">{t("settings.moveFrom")}</a></li>
        </ul>
      </div>
    </section>
  );
}
