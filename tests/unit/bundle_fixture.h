#pragma once
// Copies of the test bundle that tests may damage, in a scratch directory removed afterwards.

#include <filesystem>
#include <string>
#include <vector>

struct ScratchDir {
  ScratchDir();
  ~ScratchDir();
  std::filesystem::path path;
  std::filesystem::path copy_of_tiny(const std::string& name) const;
  std::filesystem::path write(const std::string& name, const std::string& bytes) const;
};

// Runs SQL on a bundle copy opened read-write, as an attacker or a bug might have.
void tamper(const std::filesystem::path& bundle, const std::string& sql);

// Problems one per line, for a test's message or a search.
std::string all(const std::vector<std::string>& problems);
