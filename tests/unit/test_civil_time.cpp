#include <doctest/doctest.h>

#include "kiosk/show/civil_time.h"

using namespace kiosk::show;

TEST_CASE("civil time: local time in the configured zone") {
  auto utc = utc_seconds_of("2025-01-08T09:30", "Asia/Shanghai");
  REQUIRE(utc.has_value());
  CHECK(*utc == 1736299800);  // 01:30 UTC
  auto local = civil_time_at(*utc, "Asia/Shanghai");
  CHECK(local.date() == "2025-01-08");
  CHECK(local.time() == "09:30");
  auto berlin = civil_time_at(*utc, "Europe/Berlin");
  CHECK(berlin.time() == "02:30");
}

TEST_CASE("civil time: malformed --now values are refused") {
  CHECK_FALSE(utc_seconds_of("2025-13-01T00:00", "Asia/Shanghai").has_value());
  CHECK_FALSE(utc_seconds_of("2025-01-01 10:00", "Asia/Shanghai").has_value());
  CHECK_FALSE(utc_seconds_of("2025-01-01T10:00x", "Asia/Shanghai").has_value());
  CHECK_FALSE(utc_seconds_of("2025-02-30T10:00", "Asia/Shanghai").has_value());
}
