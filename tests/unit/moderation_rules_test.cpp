// The pure rules of moderation: Mastodon's role permissions and positions,
// DomainBlock#stricter_than?, CIDR ranges and canonical e-mail addresses.
#include <gtest/gtest.h>

#include "core/ip_range.h"
#include "model/domain_block.h"
#include "model/role.h"
#include "services/canonical_email_blocks.h"

using namespace agora;
using model::Permission;

TEST(Roles, BuiltInRolesGrantWhatMastodonSeeds) {
  auto owner = model::builtin_role(model::Role::owner);
  auto admin = model::builtin_role(model::Role::admin);
  auto mod = model::builtin_role(model::Role::moderator);
  auto user = model::builtin_role(model::Role::user);
  EXPECT_EQ(owner.computed_permissions(), model::kAllPermissions);  // administrator means everything
  EXPECT_TRUE(owner.can(Permission::view_devops));
  EXPECT_TRUE(admin.can(Permission::manage_federation) && admin.can(Permission::delete_user_data));
  EXPECT_FALSE(admin.can(Permission::administrator) || admin.can(Permission::view_devops));
  EXPECT_TRUE(mod.can(Permission::manage_reports) && mod.can(Permission::manage_users));
  EXPECT_FALSE(mod.can(Permission::manage_blocks) || mod.can(Permission::manage_federation));
  EXPECT_TRUE(user.can(Permission::invite_users));
  EXPECT_FALSE(user.can(Permission::manage_reports));
  EXPECT_TRUE(owner.overrides(admin) && admin.overrides(mod) && mod.overrides(user));
  EXPECT_FALSE(mod.overrides(mod) || owner.overrides(owner));
}

TEST(Roles, CustomRolesAddEveryonesPermissions) {
  model::UserRole helper{77, "Helper", "", 5, static_cast<int64_t>(Permission::manage_reports), true};
  EXPECT_TRUE(helper.can(Permission::manage_reports) && helper.can(Permission::invite_users));
  EXPECT_FALSE(helper.can(Permission::manage_users));
  helper.permissions |= static_cast<int64_t>(Permission::administrator);
  EXPECT_TRUE(helper.can(Permission::manage_roles));
}

TEST(Roles, BuiltInNamesInAnyCase) {
  EXPECT_EQ(model::builtin_role_named("Admin"), model::Role::admin);
  EXPECT_EQ(model::builtin_role_named("OWNER"), model::Role::owner);
  EXPECT_FALSE(model::builtin_role_named("Helper").has_value());
}

TEST(DomainBlocks, StricterThan) {
  auto block = [](std::string severity, bool media = false, bool reports = false) {
    model::DomainBlock b;
    b.severity = std::move(severity);
    b.reject_media = media;
    b.reject_reports = reports;
    return b;
  };
  EXPECT_TRUE(block("suspend").stricter_than(block("suspend")));
  EXPECT_FALSE(block("silence").stricter_than(block("suspend")));
  EXPECT_FALSE(block("noop").stricter_than(block("silence")));
  EXPECT_TRUE(block("silence", true).stricter_than(block("silence")));
  EXPECT_FALSE(block("silence").stricter_than(block("silence", true)));
  EXPECT_FALSE(block("noop", true).stricter_than(block("noop", false, true)));
}

TEST(IpRanges, ParsedAndNormalized) {
  EXPECT_EQ(parse_ip_range("192.0.2.77/24")->text(), "192.0.2.0/24");
  EXPECT_EQ(parse_ip_range("192.0.2.77")->text(), "192.0.2.77/32");
  EXPECT_EQ(parse_ip_range("2001:db8::1/32")->text(), "2001:db8::/32");
  EXPECT_EQ(parse_ip_range("10.1.2.3/0")->text(), "0.0.0.0/0");
  for (const char* bad : {"", "1.2.3.4/33", "1.2.3/8", "1.2.3.4/", "1.2.3.4/x", "::1/129", "example.org", "1.2.3.4/-1"})
    EXPECT_FALSE(parse_ip_range(bad).has_value()) << bad;
  EXPECT_TRUE(ip_in_range("192.0.2.200", "192.0.2.0/24"));
  EXPECT_FALSE(ip_in_range("192.0.3.1", "192.0.2.0/24"));
  EXPECT_TRUE(ip_in_range("2001:db8::5", "2001:db8::/32"));
  EXPECT_FALSE(ip_in_range("192.0.2.1", "2001:db8::/32"));
  EXPECT_FALSE(ip_in_range("junk", "192.0.2.0/24"));
}

TEST(CanonicalEmail, DotsAndPlusSuffixesDoNotCount) {
  EXPECT_EQ(services::canonical_email("J.Doe+spam@Example.ORG"), "jdoe@example.org");
  EXPECT_EQ(services::canonical_email("plain@example.org"), "plain@example.org");
  EXPECT_EQ(services::canonical_email_hash("j.doe@example.org"), services::canonical_email_hash("jdoe+x@EXAMPLE.org"));
}
