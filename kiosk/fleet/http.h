#pragma once
// What the fleet client asks of a web server, through libcurl: a small file, fetched
// only when it changed (If-None-Match, If-Modified-Since), and a large one downloaded
// into a partial file that a later call resumes (Range). Only http, https and file
// URLs are followed, redirects only to http and https, and every transfer is bounded in
// size and time.

#include <atomic>
#include <cstdint>
#include <filesystem>
#include <string>

namespace kiosk::fleet {

struct TransferLimits {
  long connect_timeout_s = 20;
  long small_file_timeout_s = 60;             // a manifest or a signature, however slow; a download has no
                                              // such bound (a bandwidth limit may make it long), only the stall one
  long low_speed_bytes = 1024;                // slower than this ...
  long low_speed_time_s = 60;                 // ... for this long is a stall
  int64_t max_bytes_per_second = 0;           // 0: unlimited
  const std::atomic<bool>* cancel = nullptr;  // when set and true, a transfer stops within a second
};

// The kinds of failure, as the metrics count them.
enum class TransferError { None, Network, Http, TooLarge, Timeout, Local, Cancelled };
const char* transfer_error_name(TransferError error);

struct Validators {
  std::string etag, last_modified;  // as the server sent them
};

struct SmallFile {
  TransferError error = TransferError::None;
  std::string message;        // why not, naming the URL
  long status = 0;            // the HTTP status (0 for file:// and for network errors)
  bool not_modified = false;  // 304: the body is empty, the validators unchanged
  std::string body;
  Validators validators;
  bool ok() const { return error == TransferError::None; }
};

SmallFile fetch_small(const std::string& url, const Validators& known, size_t max_bytes, const TransferLimits& limits);

struct Download {
  TransferError error = TransferError::None;
  std::string message;
  int64_t resumed_from = 0;  // the bytes already there, which the server was asked to skip
  int64_t received = 0;      // the bytes this call received
  bool ok() const { return error == TransferError::None; }
};

// Downloads `url` into `part` until it holds `size` bytes, resuming what is there. A
// server that answers a range request with the whole file starts it again; one that
// sends more than `size` bytes is refused.
Download download(const std::string& url, const std::filesystem::path& part, int64_t size,
                  const TransferLimits& limits);

// `reference` resolved against `base` as RFC 3986 says (libcurl's URL parser); "" and a
// message when it cannot be.
std::string resolve_url(const std::string& base, const std::string& reference, std::string& problem);

// Must be called once before any thread uses the functions above.
void init_http();

}  // namespace kiosk::fleet
