#pragma once
// The bundle format's identity: the SQL that creates a bundle and the numbers that mark one.

namespace kiosk::content {

constexpr int kApplicationId = 0x48504B31;  // 'HPK1'
constexpr int kSchemaVersion = 4;
// The oldest version the kiosk still opens: a version adds tables and changes none, so an
// older bundle is the current schema without the tables added since (bundle.cpp).
constexpr int kOldestSchemaVersion = 1;
extern const char* const kSchemaSql;  // db/schema.sql, compiled in

}  // namespace kiosk::content
