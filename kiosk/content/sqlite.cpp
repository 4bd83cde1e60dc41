#include "kiosk/content/sqlite.h"

#include <sqlite3.h>

#include <limits>
#include <utility>

namespace kiosk::content {

Database::Database(const std::string& uri, int flags) {
  int rc = sqlite3_open_v2(uri.c_str(), &db_, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc);
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(message);
  }
  if (int code = sqlite3_extended_result_codes(db_, 1); code != SQLITE_OK) {
    sqlite3_close(db_);
    db_ = nullptr;
    throw SqliteError(sqlite3_errstr(code));
  }
}

Database::~Database() {
  sqlite3_close(db_);
}

Database::Database(Database&& other) noexcept : db_(std::exchange(other.db_, nullptr)) {}

Database& Database::operator=(Database&& other) noexcept {
  if (this != &other) {
    sqlite3_close(db_);
    db_ = std::exchange(other.db_, nullptr);
  }
  return *this;
}

void Database::exec(const std::string& sql) {
  char* error = nullptr;
  if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : last_error();
    sqlite3_free(error);
    throw SqliteError(message);
  }
}

Statement Database::prepare(std::string_view sql) const {
  return Statement(db_, sql);
}

int Database::pragma_int(const std::string& name) const {
  Statement stmt(db_, "PRAGMA " + name);
  if (!stmt.step()) throw SqliteError("PRAGMA " + name + " returned no row");
  return static_cast<int>(stmt.integer(0));
}

void Database::configure(int option, bool on) {
  int now = -1;
  if (sqlite3_db_config(db_, option, on ? 1 : 0, &now) != SQLITE_OK || now != (on ? 1 : 0))
    throw SqliteError("cannot set database option " + std::to_string(option) + ": " + last_error());
}

void Database::busy_timeout(int milliseconds) {
  if (sqlite3_busy_timeout(db_, milliseconds) != SQLITE_OK) throw SqliteError(last_error());
}

std::string Database::last_error() const {
  return sqlite3_errmsg(db_);
}

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db) {
  if (sql.size() > static_cast<size_t>(std::numeric_limits<int>::max()))
    throw SqliteError("a statement of " + std::to_string(sql.size()) + " bytes is too long");
  if (sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr) != SQLITE_OK)
    throw SqliteError(sqlite3_errmsg(db));
  // Only whitespace or a comment: SQLite gives no statement, and step() would crash.
  if (!stmt_) throw SqliteError("no SQL statement in '" + std::string(sql.substr(0, 80)) + "'");
}

Statement::~Statement() {
  sqlite3_finalize(stmt_);
}

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(std::exchange(other.stmt_, nullptr)) {}

Statement& Statement::checked(int code, int index) {
  if (code != SQLITE_OK)
    throw SqliteError("cannot bind parameter " + std::to_string(index) + ": " +
                      (code == SQLITE_RANGE ? std::string("no such parameter") : sqlite3_errmsg(db_)));
  return *this;
}

Statement& Statement::bind(int index, std::string_view text) {
  // The 64-bit call: a size over 2 GiB is refused by SQLite (SQLITE_TOOBIG), not truncated.
  return checked(sqlite3_bind_text64(stmt_, index, text.data(), text.size(), SQLITE_TRANSIENT, SQLITE_UTF8), index);
}

Statement& Statement::bind(int index, int64_t value) {
  return checked(sqlite3_bind_int64(stmt_, index, value), index);
}

Statement& Statement::bind(int index, double value) {
  return checked(sqlite3_bind_double(stmt_, index, value), index);
}

Statement& Statement::bind_blob(int index, const std::vector<uint8_t>& bytes) {
  return checked(sqlite3_bind_blob64(stmt_, index, bytes.data(), bytes.size(), SQLITE_TRANSIENT), index);
}

Statement& Statement::bind_null(int index) {
  return checked(sqlite3_bind_null(stmt_, index), index);
}

bool Statement::step() {
  int rc = sqlite3_step(stmt_);
  if (rc == SQLITE_ROW) return true;
  if (rc == SQLITE_DONE) return false;
  throw SqliteError(sqlite3_errmsg(db_));
}

void Statement::reset() {
  // sqlite3_reset repeats the last step's error, which step() has already thrown.
  (void)sqlite3_reset(stmt_);
  (void)sqlite3_clear_bindings(stmt_);  // always SQLITE_OK
}

bool Statement::is_null(int column) const {
  return sqlite3_column_type(stmt_, column) == SQLITE_NULL;
}

// A column's value is NULL for SQL NULL, for an empty blob, and when SQLite ran out of
// memory converting it: only the last is an error.
void Statement::check_column(const void* value, int column) const {
  if (!value && sqlite3_column_type(stmt_, column) != SQLITE_NULL && sqlite3_errcode(db_) == SQLITE_NOMEM)
    throw SqliteError("cannot read column " + std::to_string(column) + ": out of memory");
}

std::string Statement::text(int column) const {
  auto* p = reinterpret_cast<const char*>(sqlite3_column_text(stmt_, column));
  check_column(p, column);
  return p ? std::string(p, static_cast<size_t>(sqlite3_column_bytes(stmt_, column))) : std::string();
}

int64_t Statement::integer(int column) const {
  return sqlite3_column_int64(stmt_, column);
}

double Statement::real(int column) const {
  return sqlite3_column_double(stmt_, column);
}

std::vector<uint8_t> Statement::blob(int column) const {
  auto* p = static_cast<const uint8_t*>(sqlite3_column_blob(stmt_, column));
  check_column(p, column);
  int n = sqlite3_column_bytes(stmt_, column);
  return p ? std::vector<uint8_t>(p, p + n) : std::vector<uint8_t>();
}

}  // namespace kiosk::content
