#include "bundle_fixture.h"

#include <sqlite3.h>
#include <unistd.h>

#include <fstream>
#include <stdexcept>

ScratchDir::ScratchDir() {
  path = std::filesystem::temp_directory_path() /
         ("kiosk-test-" + std::to_string(::getpid()) + "-" + std::to_string(reinterpret_cast<uintptr_t>(this)));
  std::filesystem::create_directories(path);
}

ScratchDir::~ScratchDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path, ignored);
}

std::filesystem::path ScratchDir::copy_of_tiny(const std::string& name) const {
  auto target = path / name;
  std::filesystem::copy_file(KIOSK_TINY_BUNDLE, target, std::filesystem::copy_options::overwrite_existing);
  return target;
}

std::filesystem::path ScratchDir::write(const std::string& name, const std::string& bytes) const {
  auto target = path / name;
  std::ofstream(target, std::ios::binary) << bytes;
  return target;
}

void tamper(const std::filesystem::path& bundle, const std::string& sql) {
  sqlite3* db = nullptr;
  if (sqlite3_open(bundle.c_str(), &db) != SQLITE_OK) throw std::runtime_error("cannot open copy");
  char* error = nullptr;
  int rc = sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error);
  std::string message = error ? error : "";
  sqlite3_free(error);
  sqlite3_close(db);
  if (rc != SQLITE_OK) throw std::runtime_error("tamper failed: " + message);
}

std::string all(const std::vector<std::string>& problems) {
  std::string out;
  for (const auto& p : problems) out += p + "\n";
  return out;
}
