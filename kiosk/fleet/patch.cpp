#include "kiosk/fleet/patch.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zstd.h>

#include <algorithm>
#include <cerrno>
#include <memory>
#include <string>
#include <vector>

#include "kiosk/base/atomic_file.h"
#include "kiosk/base/errors.h"
#include "kiosk/base/fd.h"
#include "kiosk/ops/durable_file.h"

namespace kiosk::fleet {
namespace {

namespace fs = std::filesystem;

// The largest window the kiosk accepts: 512 MB, the largest bundle an install takes.
constexpr int kMaxWindowLog = 29;

// A file mapped read-only for the length of a patch operation.
class Mapped {
 public:
  explicit Mapped(const fs::path& file) : name_(file.string()) {
    base::Fd fd(::open(file.c_str(), O_RDONLY | O_CLOEXEC));
    struct stat st {};
    if (!fd || ::fstat(fd.get(), &st) != 0) throw PatchError(name_ + ": cannot read: " + base::errno_text(errno));
    if (!S_ISREG(st.st_mode)) throw PatchError(name_ + ": not a regular file");
    size_ = static_cast<size_t>(st.st_size);
    if (size_ == 0) return;
    data_ = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE, fd.get(), 0);
    if (data_ == MAP_FAILED) {
      data_ = nullptr;
      throw PatchError(name_ + ": cannot map: " + base::errno_text(errno));
    }
  }
  ~Mapped() {
    if (data_) ::munmap(data_, size_);
  }
  Mapped(const Mapped&) = delete;
  Mapped& operator=(const Mapped&) = delete;
  const void* data() const { return data_ ? data_ : ""; }
  size_t size() const { return size_; }

 private:
  std::string name_;
  void* data_ = nullptr;
  size_t size_ = 0;
};

void check(size_t code, const std::string& what) {
  if (ZSTD_isError(code)) throw PatchError(what + ": " + ZSTD_getErrorName(code));
}

struct CCtxFree {
  void operator()(ZSTD_CCtx* c) const { ZSTD_freeCCtx(c); }
};
struct DCtxFree {
  void operator()(ZSTD_DCtx* d) const { ZSTD_freeDCtx(d); }
};

void write_all(int fd, const void* data, size_t size, const std::string& name) {
  const char* p = static_cast<const char*>(data);
  while (size > 0) {
    ssize_t n = ::write(fd, p, size);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) throw PatchError(name + ": cannot write: " + base::errno_text(errno));
    p += n;
    size -= static_cast<size_t>(n);
  }
}

}  // namespace

int patch_window_log(int64_t old_size, int64_t new_size) {
  int64_t reach = std::max<int64_t>(old_size + new_size, 1);
  int log = 20;  // zstd's smallest useful long-distance window is far below a bundle
  while (log < kMaxWindowLog && (int64_t{1} << log) < reach) ++log;
  return log;
}

void make_patch(const fs::path& old_file, const fs::path& new_file, const fs::path& patch_file) {
  Mapped old_bytes(old_file), new_bytes(new_file);
  std::unique_ptr<ZSTD_CCtx, CCtxFree> cctx(ZSTD_createCCtx());
  if (!cctx) throw PatchError(patch_file.string() + ": out of memory");
  const std::string what = patch_file.string() + ": cannot make the patch";
  int window = patch_window_log(static_cast<int64_t>(old_bytes.size()), static_cast<int64_t>(new_bytes.size()));
  // As `zstd --patch-from` does: long-distance matching over a window that spans the
  // old file, so that unchanged pages anywhere in it are found.
  check(ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_compressionLevel, 12), what);
  check(ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_windowLog, window), what);
  check(ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_enableLongDistanceMatching, 1), what);
  check(ZSTD_CCtx_setParameter(cctx.get(), ZSTD_c_checksumFlag, 1), what);
  check(ZSTD_CCtx_setPledgedSrcSize(cctx.get(), new_bytes.size()), what);
  check(ZSTD_CCtx_refPrefix(cctx.get(), old_bytes.data(), old_bytes.size()), what);
  std::vector<char> out(ZSTD_compressBound(new_bytes.size()));
  size_t written = ZSTD_compress2(cctx.get(), out.data(), out.size(), new_bytes.data(), new_bytes.size());
  check(written, what);
  try {
    base::write_file_atomically(patch_file, std::string_view(out.data(), written), 0644);
  } catch (const base::FileError& e) {
    throw PatchError(e.what());
  }
}

void apply_patch(const fs::path& old_file, const fs::path& patch_file, const fs::path& out_file, int64_t max_size) {
  Mapped old_bytes(old_file), patch(patch_file);
  std::unique_ptr<ZSTD_DCtx, DCtxFree> dctx(ZSTD_createDCtx());
  if (!dctx) throw PatchError(patch_file.string() + ": out of memory");
  const std::string what = patch_file.string() + ": does not apply to " + old_file.string();
  check(ZSTD_DCtx_setParameter(dctx.get(), ZSTD_d_windowLogMax, kMaxWindowLog), what);
  check(ZSTD_DCtx_refPrefix(dctx.get(), old_bytes.data(), old_bytes.size()), what);
  base::Fd out = ops::open_regular(out_file, O_WRONLY | O_CREAT | O_TRUNC, 0600);
  if (!out) throw PatchError(out_file.string() + ": cannot create: " + base::errno_text(errno));
  std::vector<char> buffer(ZSTD_DStreamOutSize());
  ZSTD_inBuffer in{patch.data(), patch.size(), 0};
  int64_t total = 0;
  size_t remaining = 1;
  while (in.pos < in.size || remaining != 0) {
    ZSTD_outBuffer chunk{buffer.data(), buffer.size(), 0};
    size_t before = in.pos;
    remaining = ZSTD_decompressStream(dctx.get(), &chunk, &in);
    check(remaining, what);
    total += static_cast<int64_t>(chunk.pos);
    if (total > max_size)
      throw PatchError(what + ": its result is larger than the " + std::to_string(max_size) + " bytes expected");
    write_all(out.get(), buffer.data(), chunk.pos, out_file.string());
    // No input used and no output made: the patch ends inside a frame.
    if (chunk.pos == 0 && in.pos == before) throw PatchError(what + ": the patch is truncated");
  }
  if (::fsync(out.get()) != 0) throw PatchError(out_file.string() + ": cannot sync: " + base::errno_text(errno));
}

}  // namespace kiosk::fleet
