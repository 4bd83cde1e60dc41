#include "kiosk/show/civil_time.h"

#include <unicode/calendar.h>
#include <unicode/gregocal.h>
#include <unicode/timezone.h>

#include <cstdio>
#include <memory>

namespace kiosk::show {
namespace {

std::unique_ptr<icu::Calendar> calendar_in(const std::string& zone) {
  UErrorCode status = U_ZERO_ERROR;
  auto cal = std::make_unique<icu::GregorianCalendar>(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(zone)),
                                                      status);
  if (U_FAILURE(status)) return nullptr;
  return cal;
}

}  // namespace

std::string CivilTime::date() const {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string CivilTime::time() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "%02d:%02d", hour, minute);
  return buf;
}

CivilTime civil_time_at(int64_t utc_seconds, const std::string& zone) {
  CivilTime out;
  auto cal = calendar_in(zone);
  if (!cal) return out;
  UErrorCode status = U_ZERO_ERROR;
  cal->setTime(static_cast<UDate>(utc_seconds) * 1000.0, status);
  out.year = cal->get(UCAL_YEAR, status);
  out.month = cal->get(UCAL_MONTH, status) + 1;
  out.day = cal->get(UCAL_DATE, status);
  out.hour = cal->get(UCAL_HOUR_OF_DAY, status);
  out.minute = cal->get(UCAL_MINUTE, status);
  return out;
}

std::optional<int64_t> utc_seconds_of(const std::string& local, const std::string& zone) {
  int y, mo, d, h, mi;
  char tail;
  if (std::sscanf(local.c_str(), "%4d-%2d-%2dT%2d:%2d%c", &y, &mo, &d, &h, &mi, &tail) != 5) return std::nullopt;
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h < 0 || h > 23 || mi < 0 || mi > 59) return std::nullopt;
  auto cal = calendar_in(zone);
  if (!cal) return std::nullopt;
  cal->setLenient(false);
  cal->clear();
  cal->set(y, mo - 1, d, h, mi, 0);
  UErrorCode status = U_ZERO_ERROR;
  UDate ms = cal->getTime(status);
  if (U_FAILURE(status)) return std::nullopt;
  return static_cast<int64_t>(ms / 1000.0);
}

}  // namespace kiosk::show
