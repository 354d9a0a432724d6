// When two addresses count as the same for the new-address sign-in mail:
// IPv4 exactly, IPv6 by /64 (Mastodon's IP_TOLERANCE_MASK).
#include <gtest/gtest.h>

#include "services/sign_in_alerts.h"

using agora::services::sign_in_alerts::same_network;

TEST(SignInAlerts, Ipv4AddressesMatchOnlyExactly) {
  EXPECT_TRUE(same_network("198.51.100.7", "198.51.100.7"));
  EXPECT_FALSE(same_network("198.51.100.7", "198.51.100.8"));
  EXPECT_TRUE(same_network("::ffff:198.51.100.7", "198.51.100.7"));  // IPv4-mapped is the same address
}

TEST(SignInAlerts, Ipv6AddressesMatchByTheirSlash64) {
  EXPECT_TRUE(same_network("2001:db8:1:2::1", "2001:db8:1:2:ffff:ffff:ffff:ffff"));
  EXPECT_TRUE(same_network("2001:DB8:1:2::1", "2001:0db8:0001:0002::9"));
  EXPECT_FALSE(same_network("2001:db8:1:2::1", "2001:db8:1:3::1"));
  EXPECT_FALSE(same_network("2001:db8::1", "198.51.100.7"));
}

TEST(SignInAlerts, TextThatIsNoAddressMatchesOnlyItself) {
  EXPECT_TRUE(same_network("unknown", "unknown"));
  EXPECT_FALSE(same_network("unknown", "198.51.100.7"));
}
