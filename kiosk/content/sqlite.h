#pragma once
// Thin RAII wrappers over the SQLite C API: a connection and a prepared statement.
// Every call's result code is checked (out of memory included: tests fail each
// allocation in turn); errors throw SqliteError carrying SQLite's own message.

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace kiosk::content {

class SqliteError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Statement;

class Database {
 public:
  Database() = default;
  Database(const std::string& uri, int flags);  // sqlite3_open_v2
  ~Database();
  Database(Database&& other) noexcept;
  Database& operator=(Database&& other) noexcept;
  Database(const Database&) = delete;
  Database& operator=(const Database&) = delete;

  sqlite3* handle() const { return db_; }
  void exec(const std::string& sql);
  Statement prepare(std::string_view sql) const;
  int pragma_int(const std::string& name) const;
  // sqlite3_db_config for an on/off option (SQLITE_DBCONFIG_DEFENSIVE...), checked.
  void configure(int option, bool on);
  void busy_timeout(int milliseconds);
  std::string last_error() const;

 private:
  sqlite3* db_ = nullptr;
};

class Statement {
 public:
  Statement(sqlite3* db, std::string_view sql);
  ~Statement();
  Statement(Statement&& other) noexcept;
  Statement(const Statement&) = delete;
  Statement& operator=(const Statement&) = delete;
  Statement& operator=(Statement&&) = delete;

  Statement& bind(int index, std::string_view text);
  Statement& bind(int index, int64_t value);
  Statement& bind(int index, double value);
  Statement& bind_blob(int index, const std::vector<uint8_t>& bytes);
  Statement& bind_null(int index);

  bool step();  // true while a row is available
  void reset();

  bool is_null(int column) const;
  std::string text(int column) const;
  int64_t integer(int column) const;
  double real(int column) const;
  std::vector<uint8_t> blob(int column) const;

 private:
  Statement& checked(int code, int index);
  void check_column(const void* value, int column) const;

  sqlite3* db_;
  sqlite3_stmt* stmt_ = nullptr;
};

}  // namespace kiosk::content
