#include "services/reports.h"

#include <algorithm>

#include "activitypub/activities.h"
#include "core/crypto.h"
#include "core/errors.h"
#include "core/time.h"
#include "core/utf8.h"
#include "services/account_emojis.h"
#include "services/delivery.h"
#include "services/staff_notifications.h"
#include "services/visibility.h"
#include "store/accounts.h"
#include "store/reports.h"
#include "store/rules.h"
#include "store/statuses.h"

namespace agora::services {

namespace {

constexpr size_t kMaxComment = 1000;
constexpr std::array kCategories = {"spam", "legal", "violation", "other"};

std::string category_of(const NewReport& in) {
  if (!in.rule_ids.empty()) return "violation";
  if (in.category.empty()) return "other";
  if (std::find(kCategories.begin(), kCategories.end(), in.category) == kCategories.end())
    throw Error::unprocessable("Validation failed: Category is not included in the list");
  return in.category;
}

void check_rules(store::Connection& c, const std::vector<int64_t>& rule_ids) {
  auto rules = store::rules::list(c);
  for (int64_t id : rule_ids)
    if (std::none_of(rules.begin(), rules.end(), [&](const model::Rule& r) { return r.id == id; }))
      throw Error::unprocessable("Validation failed: Rule ids does not reference valid rules");
}

}  // namespace

model::Report file_report(Context& ctx, const model::Account& reporter, const NewReport& in) {
  if (utf8_length(in.comment) > kMaxComment)
    throw Error::unprocessable("Validation failed: Comment is too long (maximum is 1000 characters)");
  std::string category = category_of(in);
  auto lease = ctx.db.acquire();
  auto& c = *lease;
  auto target = store::accounts::find(c, in.target_account_id);
  if (!target || target->suspended_at) throw Error::not_found();
  if (category == "violation") check_rules(c, in.rule_ids);

  std::vector<std::string> status_uris;
  for (int64_t id : in.status_ids) {
    auto status = store::statuses::find(c, id);
    if (!status || status->account_id != target->id || !visibility::visible(c, reporter.id, *status))
      throw Error::not_found();
    status_uris.push_back(status->uri);
  }

  store::reports::NewReport row{reporter.id, target->id, in.status_ids, category, in.comment,
                                ctx.config.base_url() + "/payloads/" + crypto::random_token(16), in.rule_ids,
                                in.forward && !target->local()};
  int64_t now = now_ms();
  int64_t id = store::in_transaction(c, [&] {
    int64_t report_id = store::reports::insert(c, row, now);
    staff_notifications::report_filed(ctx, c, report_id, now);
    if (row.forwarded)
      delivery::to_account(c, delivery::instance_actor_sender(),
                           activitypub::flag(row.uri, ctx.config.base_url() + "/actor", *target, status_uris,
                                             in.comment),
                           *target);
    return report_id;
  });
  model::Report out;
  out.id = id;
  out.category = category;
  out.comment = in.comment;
  out.forwarded = row.forwarded;
  out.status_ids = in.status_ids;
  out.rule_ids = in.rule_ids;
  attach_emojis(c, *target);
  out.target_account = std::make_shared<model::Account>(*target);
  out.created_at = now;
  return out;
}

}  // namespace agora::services
