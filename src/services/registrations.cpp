#include "services/registrations.h"

#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "services/accounts.h"
#include "services/admin_ip_blocks.h"
#include "services/canonical_email_blocks.h"
#include "services/instance.h"
#include "services/invites.h"
#include "services/mailer.h"
#include "services/staff_notifications.h"
#include "services/validation.h"
#include "store/accounts.h"
#include "store/canonical_email_blocks.h"
#include "store/invites.h"
#include "store/user_emails.h"

namespace agora::services {

namespace {

constexpr int64_t kConfirmWithin = 2LL * 24 * 3600 * 1000;  // as Devise's confirm_within

// Issues a new confirmation token for `email` and enqueues the mail (caller's transaction).
void send_confirmation(Context& ctx, store::Connection& c, int64_t user_id, const std::string& email,
                       const std::string& locale) {
  std::string token = crypto::random_token(24);
  store::user_emails::set_confirmation_token(c, user_id, crypto::sha256_hex(token), now_ms());
  std::string link = ctx.config.base_url() + "/auth/confirmation?confirmation_token=" + token;
  enqueue_template_mail(ctx, c, email, locale, "confirmation", {{"link", link}});
}

}  // namespace

SignedUp sign_up(Context& ctx, const SignUp& r) {
  model::InstanceSettings settings;
  std::optional<model::Invite> invite;
  {
    auto conn = ctx.db.acquire();
    settings = instance_settings(*conn);
    invite = usable_invite(*conn, r.invite_code, now_ms());
  }
  // Mastodon's allowed_registration?: open registrations or a usable invite.
  if (settings.registrations_mode == model::RegistrationsMode::closed && !invite)
    throw Error::forbidden("This action is not allowed");
  // An invite skips approval (User#set_approved), but not an IP block that asks for it.
  bool approval = settings.registrations_mode == model::RegistrationsMode::approved && !invite;
  {
    // IP blocks refuse sign-ups from an address or make them wait for approval (Mastodon's IpBlock).
    auto conn = ctx.db.acquire();
    auto policy = sign_up_policy_for(*conn, r.ip, now_ms());
    if (policy == "sign_up_block") throw Error::forbidden("This action is not allowed");
    if (policy == "sign_up_requires_approval") approval = true;
  }

  Validation v;
  if (!r.agreement) v.add("agreement", "Service agreement", "ERR_ACCEPTED", "must be accepted");
  if (approval && settings.require_invite_text && r.reason.empty())
    v.add("reason", "Reason", "ERR_BLANK", "can't be blank");
  if (r.reason.size() > 500) v.add("reason", "Reason", "ERR_TOO_LONG", "is too long (maximum is 500 characters)");
  if (r.locale.size() > 10) v.add("locale", "Locale", "ERR_INVALID", "is not included in the list");
  CreateAccountRequest account{.username = r.username,
                               .email = r.email,
                               .password = r.password,
                               .confirmed = false,
                               .approved = !approval,
                               .locale = r.locale.empty() ? "en" : r.locale,
                               .sign_up_ip = r.ip,
                               .sign_up_reason = r.reason};
  check_local_account(account, v);  // every broken rule in one answer, as Mastodon
  v.throw_if_failed();

  auto prepared = prepare_local_account(ctx, account);
  auto conn = ctx.db.acquire();
  return store::in_transaction(*conn, [&] {
    std::string domain = r.email.substr(r.email.find('@') + 1);
    if (store::user_emails::email_domain_blocked(*conn, domain)) {
      Validation blocked;
      blocked.add("email", "E-mail address", "ERR_BLOCKED", "is not allowed");
      blocked.throw_if_failed();
    }
    // A canonical e-mail block answers as if the address were taken, as Mastodon's BlacklistedEmailValidator.
    if (!store::canonical_email_blocks::matching(*conn, canonical_email_hash(r.email)).empty()) {
      Validation taken;
      taken.add("email", "E-mail address", "ERR_TAKEN", "has already been taken");
      taken.throw_if_failed();
    }
    auto created = insert_local_account(*conn, prepared);
    // Counted in the same transaction; an invite used up meanwhile refuses the sign-up.
    if (invite && !store::invites::use(*conn, invite->id, created.user_id, now_ms()))
      throw Error::forbidden("This action is not allowed");
    send_confirmation(ctx, *conn, created.user_id, r.email, account.locale);
    staff_notifications::signed_up(ctx, *conn, created.account_id, approval, r.reason, now_ms());
    if (!r.issue_token) return SignedUp{created, {}};
    return SignedUp{created, issue_token(*conn, r.application_id, created.user_id, r.scopes, false)};
  });
}

void resend_confirmation(Context& ctx, int64_t user_id, const std::optional<std::string>& new_email) {
  auto conn = ctx.db.acquire();
  store::in_transaction(*conn, [&] {
    auto user = store::accounts::find_user(*conn, user_id);
    if (!user) throw Error::not_found();
    if (user->confirmed_at)
      throw Error::forbidden("This method is only available while the e-mail is awaiting confirmation");
    std::string email = user->email;
    if (new_email && !new_email->empty() && *new_email != user->email) {
      Validation v;
      if (!plausible_email(*new_email)) v.add("email", "E-mail address", "ERR_INVALID", "is invalid");
      else if (store::accounts::email_taken(*conn, *new_email))
        v.add("email", "E-mail address", "ERR_TAKEN", "has already been taken");
      v.throw_if_failed();
      store::user_emails::set_unconfirmed_email(*conn, user_id, *new_email);
      // The old address hears of the change, as Devise's email_changed notice.
      enqueue_template_mail(ctx, *conn, user->email, user->locale, "email_changed", {{"email", *new_email}});
      email = *new_email;
    }
    send_confirmation(ctx, *conn, user_id, email, user->locale);
  });
}

bool confirm_email(Context& ctx, const std::string& token) {
  if (token.empty() || token.size() > 128) return false;
  auto conn = ctx.db.acquire();
  std::optional<int64_t> new_member;
  bool confirmed = store::in_transaction(*conn, [&] {
    auto pending = store::user_emails::find_by_confirmation_token(*conn, crypto::sha256_hex(token));
    if (!pending || now_ms() - pending->sent_at > kConfirmWithin) return false;
    auto user = store::accounts::find_user(*conn, pending->user_id);
    if (user && !user->confirmed_at) new_member = user->id;  // not a changed address
    store::user_emails::confirm(*conn, pending->user_id, now_ms());
    return true;
  });
  if (new_member) autofollow_inviter(ctx, *new_member);
  return confirmed;
}

}  // namespace agora::services
