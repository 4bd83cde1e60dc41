#include "kiosk/fleet/http.h"

#include <curl/curl.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <memory>
#include <mutex>

#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/ops/durable_file.h"

#ifndef KIOSK_VERSION
#define KIOSK_VERSION "0"
#endif

namespace kiosk::fleet {
namespace {

// The slowest a download may go on average: a 30 MB bundle in half an hour.
constexpr int64_t kFloorRate = 16 * 1024;

struct EasyFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
using Easy = std::unique_ptr<CURL, EasyFree>;

struct ListFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};
using HeaderList = std::unique_ptr<curl_slist, ListFree>;

// Called about once a second by libcurl (and at every chunk): non-zero stops the transfer.
int on_progress(void* cancel, curl_off_t, curl_off_t, curl_off_t, curl_off_t) {
  return static_cast<const std::atomic<bool>*>(cancel)->load() ? 1 : 0;
}

// The settings every transfer shares: which protocols, redirects, time and speed bounds.
Easy new_transfer(const std::string& url, const TransferLimits& limits, char* error_buffer) {
  Easy easy(curl_easy_init());
  if (!easy) return easy;
  CURL* c = easy.get();
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // a poller thread: no SIGALRM for DNS timeouts
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https,file");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 5L);
  curl_easy_setopt(c, CURLOPT_USERAGENT, "heping-kiosk/" KIOSK_VERSION);
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, limits.connect_timeout_s);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, limits.low_speed_bytes);
  curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, limits.low_speed_time_s);
  if (limits.cancel) {
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, limits.cancel);
  }
  if (limits.max_bytes_per_second > 0)
    curl_easy_setopt(c, CURLOPT_MAX_RECV_SPEED_LARGE, static_cast<curl_off_t>(limits.max_bytes_per_second));
  return easy;
}

TransferError kind_of(CURLcode code) {
  switch (code) {
    case CURLE_OK: return TransferError::None;
    case CURLE_OPERATION_TIMEDOUT: return TransferError::Timeout;
    case CURLE_FILESIZE_EXCEEDED: return TransferError::TooLarge;
    case CURLE_WRITE_ERROR: return TransferError::Local;
    case CURLE_ABORTED_BY_CALLBACK: return TransferError::Cancelled;
    default: return TransferError::Network;
  }
}

bool same_name(const std::string& a, const char* b) {
  size_t n = std::strlen(b);
  if (a.size() != n) return false;
  for (size_t i = 0; i < n; ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i]))) return false;
  return true;
}

template <typename Result>
Result failed(TransferError error, std::string message) {
  Result r;
  r.error = error;
  r.message = std::move(message);
  return r;
}

std::string describe(const std::string& url, CURLcode code, const char* error_buffer) {
  return url + ": " + (error_buffer[0] ? error_buffer : curl_easy_strerror(code));
}

// Keeps the validators of the last response (a redirect's own headers are dropped).
size_t on_header(char* data, size_t size, size_t count, void* user) {
  auto* validators = static_cast<Validators*>(user);
  std::string line(data, size * count);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (line.rfind("HTTP/", 0) == 0) {
    *validators = {};
    return size * count;
  }
  auto colon = line.find(':');
  if (colon == std::string::npos) return size * count;
  std::string name = line.substr(0, colon), value = line.substr(colon + 1);
  while (!value.empty() && value.front() == ' ') value.erase(0, 1);
  // A value that is not plain printable text is not sent back.
  for (char c : value)
    if (static_cast<unsigned char>(c) < 0x20 || static_cast<unsigned char>(c) >= 0x7f) return size * count;
  if (value.size() > 256) return size * count;
  if (same_name(name, "ETag")) validators->etag = value;
  if (same_name(name, "Last-Modified")) validators->last_modified = value;
  return size * count;
}

struct SmallSink {
  std::string* body;
  size_t max_bytes;
  bool too_large = false;
};

size_t on_small_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<SmallSink*>(user);
  if (sink->body->size() + size * count > sink->max_bytes) {
    sink->too_large = true;
    return 0;
  }
  sink->body->append(data, size * count);
  return size * count;
}

struct DownloadSink {
  CURL* easy;
  int fd;
  int64_t have;   // bytes in the file
  int64_t limit;  // what it may hold at most
  bool started = false, too_large = false, write_failed = false, error_status = false;
  int64_t received = 0;
  int error_number = 0;
};

size_t on_download_body(char* data, size_t size, size_t count, void* user) {
  auto* sink = static_cast<DownloadSink*>(user);
  size_t bytes = size * count;
  if (!sink->started) {
    sink->started = true;
    long status = 0;
    curl_easy_getinfo(sink->easy, CURLINFO_RESPONSE_CODE, &status);
    if (status >= 300) {  // an error page is not the file
      sink->error_status = true;
      return 0;
    }
    if (status == 200 && sink->have > 0) {  // the server ignored the range: start again
      if (::ftruncate(sink->fd, 0) != 0 || ::lseek(sink->fd, 0, SEEK_SET) != 0) {
        sink->write_failed = true;
        sink->error_number = errno;
        return 0;
      }
      sink->have = 0;
    }
  }
  if (sink->have + static_cast<int64_t>(bytes) > sink->limit) {
    sink->too_large = true;
    return 0;
  }
  const char* p = data;
  size_t left = bytes;
  while (left > 0) {
    ssize_t n = ::write(sink->fd, p, left);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      sink->write_failed = true;
      sink->error_number = errno;
      return 0;
    }
    p += n;
    left -= static_cast<size_t>(n);
  }
  sink->have += static_cast<int64_t>(bytes);
  sink->received += static_cast<int64_t>(bytes);
  return bytes;
}

}  // namespace

const char* transfer_error_name(TransferError error) {
  switch (error) {
    case TransferError::None: return "none";
    case TransferError::Network: return "network";
    case TransferError::Http: return "http";
    case TransferError::TooLarge: return "too_large";
    case TransferError::Timeout: return "timeout";
    case TransferError::Local: return "local";
    case TransferError::Cancelled: return "cancelled";
  }
  return "unknown";
}

void init_http() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

SmallFile fetch_small(const std::string& url, const Validators& known, size_t max_bytes, const TransferLimits& limits) {
  SmallFile result;
  char error_buffer[CURL_ERROR_SIZE] = "";
  Easy easy = new_transfer(url, limits, error_buffer);
  if (!easy) return failed<decltype(result)>(TransferError::Local, url + ": cannot start a transfer (out of memory)");
  HeaderList headers;
  auto add = [&](const std::string& line) {
    curl_slist* grown = curl_slist_append(headers.get(), line.c_str());
    if (grown) {
      headers.release();
      headers.reset(grown);
    }
  };
  if (!known.etag.empty()) add("If-None-Match: " + known.etag);
  if (!known.last_modified.empty()) add("If-Modified-Since: " + known.last_modified);
  if (headers) curl_easy_setopt(easy.get(), CURLOPT_HTTPHEADER, headers.get());
  SmallSink sink{&result.body, max_bytes};
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, on_small_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &sink);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(easy.get(), CURLOPT_HEADERDATA, &result.validators);
  curl_easy_setopt(easy.get(), CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(max_bytes));
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT, limits.small_file_timeout_s);
  CURLcode code = curl_easy_perform(easy.get());
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &result.status);
  if (sink.too_large || code == CURLE_FILESIZE_EXCEEDED) {
    result.error = TransferError::TooLarge;
    result.message = url + ": larger than " + std::to_string(max_bytes) + " bytes";
  } else if (code != CURLE_OK) {
    result.error = kind_of(code);
    result.message = describe(url, code, error_buffer);
  } else if (result.status == 304) {
    result.not_modified = true;
    result.validators = known;
  } else if (result.status >= 300) {
    result.error = TransferError::Http;
    result.message = url + ": the server answered " + std::to_string(result.status);
    result.body.clear();
  }
  return result;
}

Download download(const std::string& url, const std::filesystem::path& part, int64_t size,
                  const TransferLimits& limits) {
  Download result;
  // Never through a link, and never blocking on a FIFO someone left in its place.
  base::Fd fd = ops::open_regular(part, O_WRONLY | O_CREAT | O_APPEND, 0600);
  struct stat st {};
  if (!fd || ::fstat(fd.get(), &st) != 0) {
    return failed<Download>(TransferError::Local, part.string() + ": cannot open: " + base::errno_text(errno));
  }
  int64_t have = st.st_size;
  if (have > size) {  // not this file: start again
    if (::ftruncate(fd.get(), 0) != 0)
      return failed<Download>(TransferError::Local, part.string() + ": " + base::errno_text(errno));
    have = 0;
  }
  if (have == size) return result;
  char error_buffer[CURL_ERROR_SIZE] = "";
  Easy easy = new_transfer(url, limits, error_buffer);
  if (!easy) return failed<decltype(result)>(TransferError::Local, url + ": cannot start a transfer (out of memory)");
  DownloadSink sink{easy.get(), fd.get(), have, size};
  result.resumed_from = have;
  // A Range header of our own rather than CURLOPT_RESUME_FROM, which fails the transfer
  // when a server (or a proxy) ignores ranges; then the 200 starts the file again.
  const std::string range = std::to_string(have) + "-";
  if (have > 0) curl_easy_setopt(easy.get(), CURLOPT_RANGE, range.c_str());
  // However slow the server: the time the file needs at a floor rate, or at the
  // configured limit if that is lower, and a minute more.
  int64_t floor_rate =
      limits.max_bytes_per_second > 0 ? std::min<int64_t>(limits.max_bytes_per_second / 2, kFloorRate) : kFloorRate;
  curl_easy_setopt(easy.get(), CURLOPT_TIMEOUT,
                   static_cast<long>(60 + (size - have) / std::max<int64_t>(floor_rate, 1)));
  curl_easy_setopt(easy.get(), CURLOPT_WRITEFUNCTION, on_download_body);
  curl_easy_setopt(easy.get(), CURLOPT_WRITEDATA, &sink);
  CURLcode code = curl_easy_perform(easy.get());
  long status = 0;
  curl_easy_getinfo(easy.get(), CURLINFO_RESPONSE_CODE, &status);
  result.received = sink.received;
  // What the part holds is no use: emptied, or removed if it cannot be.
  auto discard = [&] {
    if (::ftruncate(fd.get(), 0) != 0) {
      std::error_code ec;
      std::filesystem::remove(part, ec);
    }
  };
  if (sink.too_large) {
    discard();
    result.error = TransferError::TooLarge;
    result.message = url + ": larger than the " + std::to_string(size) + " bytes the manifest gives";
  } else if (sink.write_failed) {
    result.error = TransferError::Local;
    result.message = part.string() + ": cannot write: " + base::errno_text(sink.error_number);
  } else if (sink.error_status || status >= 300) {
    if (status == 416) discard();  // the range is past the file's end: start again next time
    result.error = TransferError::Http;
    result.message = url + ": the server answered " + std::to_string(status);
  } else if (code != CURLE_OK) {
    result.error = kind_of(code);
    result.message = describe(url, code, error_buffer);
  } else if (sink.have != size) {
    result.error = TransferError::Network;
    result.message = url + ": the server sent " + std::to_string(sink.have) + " of the " + std::to_string(size) +
                     " bytes the manifest gives";
  }
  if (::fsync(fd.get()) != 0 && result.ok()) {
    result.error = TransferError::Local;
    result.message = part.string() + ": cannot sync: " + base::errno_text(errno);
  }
  return result;
}

std::string resolve_url(const std::string& base, const std::string& reference, std::string& problem) {
  CURLU* u = curl_url();
  if (!u) {
    problem = "out of memory";
    return {};
  }
  std::string resolved;
  CURLUcode code = curl_url_set(u, CURLUPART_URL, base.c_str(), 0);
  if (code == CURLUE_OK) code = curl_url_set(u, CURLUPART_URL, reference.c_str(), 0);
  char* out = nullptr;
  if (code == CURLUE_OK) code = curl_url_get(u, CURLUPART_URL, &out, 0);
  if (code == CURLUE_OK) {
    resolved = out;
  } else {
    problem = std::string("'") + reference + "' is not a URL relative to " + base + ": " + curl_url_strerror(code);
  }
  curl_free(out);
  curl_url_cleanup(u);
  return resolved;
}

}  // namespace kiosk::fleet
