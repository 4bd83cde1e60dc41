#pragma once
// Bundle pictures as GL textures: decoded on a worker thread (so a frame never waits
// for a 1920x1440 PNG), uploaded on the render thread, least recently used ones freed.
// The cache is bounded by bytes as well as by count: with software GL a texture is
// process memory, and a 1920x1440 picture with its mipmaps is about 15 MB of it.

#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

#include "kiosk/content/bundle.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/ui/image_provider.h"

namespace kiosk::platform {

class TextureCache : public ui::ImageProvider {
 public:
  // Enough for a crossfade between two full-bleed pictures with the next one prefetched.
  static constexpr size_t kDefaultBudgetBytes = 48u << 20;

  // `synchronous`: decode on first use, on the calling thread (deterministic screenshots).
  // Pictures drawn in the latest frame are kept even over `capacity` or `budget_bytes`.
  TextureCache(content::Bundle& bundle, bool synchronous, size_t capacity = 24,
               size_t budget_bytes = kDefaultBudgetBytes);
  ~TextureCache() override;
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  std::optional<ui::ImageTexture> texture(const std::string& image_id) override;
  void prefetch(const std::string& image_id) override;
  bool loading() const override;

  // Uploads what the worker decoded; call once per frame on the render thread.
  void upload_ready();
  size_t live_textures() const { return textures_.size(); }
  size_t live_bytes() const { return bytes_; }
  // Problems met since the last call (an image that failed to decode), for the log.
  std::vector<std::string> take_errors();

 private:
  struct Entry {
    unsigned texture = 0;
    int width = 0, height = 0;
    size_t bytes = 0;
    unsigned long drawn = 0;  // the frame (generation_) that last drew it
  };
  void request(const std::string& image_id);
  void upload(const std::string& id, const content::DecodedImage& image);
  bool over_budget() const { return textures_.size() > capacity_ || bytes_ > budget_bytes_; }
  void evict();
  void work();

  content::Bundle& bundle_;
  bool synchronous_;
  size_t capacity_, budget_bytes_;
  size_t bytes_ = 0;
  // Counts frames: texture() draws into generation_, upload_ready() starts the next one.
  unsigned long generation_ = 1;
  bool drawn_this_generation_ = false;
  std::map<std::string, Entry> textures_;
  std::list<std::string> recent_;  // most recently used first
  std::set<std::string> failed_, pending_;
  // Pending pictures a frame asked to draw; only these need frames while they load, a
  // prefetched one does not (it is not on screen yet).
  std::set<std::string> wanted_;
  std::vector<std::string> errors_;

  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<std::pair<std::string, std::vector<uint8_t>>> jobs_;
  std::deque<std::pair<std::string, std::optional<content::DecodedImage>>> done_;
  std::map<std::string, std::string> reasons_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace kiosk::platform
