#pragma once
// Bundle pictures as GL textures: decoded and scaled on a worker thread (so a frame never
// waits for a 1920x1440 PNG), uploaded on the render thread, least recently used ones freed.
// With software GL a texture is process memory: a 1920x1440 picture is 11 MB of it. So each
// picture is kept at the size it is shown, as a level of halvings (a card's 200 px thumbnail
// is the picture at a quarter of each side, 0.7 MB), and the cache is bounded by bytes as
// well as by count.

#include <condition_variable>
#include <deque>
#include <list>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include "kiosk/content/bundle.h"
#include "kiosk/content/image_decode.h"
#include "kiosk/ui/image_provider.h"

namespace kiosk::platform {

class TextureCache : public ui::ImageProvider {
 public:
  // Enough for a crossfade between two full-bleed pictures with the next one prefetched:
  // three 1920x1440 pictures of 11 MB each (no mipmaps), and thumbnails beside them.
  static constexpr size_t kDefaultBudgetBytes = 36u << 20;

  // `synchronous`: decode on first use, on the calling thread (deterministic screenshots).
  // Pictures drawn in the latest frame are kept even over `capacity` or `budget_bytes`.
  TextureCache(content::Bundle& bundle, bool synchronous, size_t capacity = 24,
               size_t budget_bytes = kDefaultBudgetBytes);
  ~TextureCache() override;
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  std::optional<ui::ImageTexture> texture(const std::string& image_id, ImVec2 shown) override;
  void prefetch(const std::string& image_id, ImVec2 shown) override;
  bool loading() const override;

  // Uploads what the worker decoded; call once per frame on the render thread.
  void upload_ready();
  size_t live_textures() const { return textures_.size(); }
  size_t live_bytes() const { return bytes_; }
  // Problems met since the last call (an image that failed to decode), for the log.
  std::vector<std::string> take_errors();

 private:
  static constexpr int kMostHalvings = 4;
  // A picture at one level: `level` halvings of each side of the bundle's image.
  using Key = std::pair<std::string, int>;
  struct Entry {
    unsigned texture = 0;
    int width = 0, height = 0;
    size_t bytes = 0;
    unsigned long drawn = 0;  // the frame (generation_) that last drew it
  };
  // The level that still gives each of `shown`'s pixels a texel of its own; -1 for an id
  // the bundle lacks.
  int level_for(const std::string& image_id, ImVec2 shown);
  // The entry of another level of the picture to show while the wanted one loads: the
  // finest there is.
  std::map<Key, Entry>::iterator other_level(const std::string& image_id);
  void request(const Key& key);
  void upload(const Key& key, const content::DecodedImage& image);
  ui::ImageTexture draw(std::map<Key, Entry>::iterator it);
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
  std::map<Key, Entry> textures_;
  std::list<Key> recent_;                             // most recently used first
  std::map<std::string, std::pair<int, int>> sizes_;  // recorded sizes of the images asked for
  std::set<std::string> failed_;
  std::set<Key> pending_;
  // Pending pictures a frame asked to draw; only these need frames while they load, a
  // prefetched one does not (it is not on screen yet).
  std::set<Key> wanted_;
  std::vector<std::string> errors_;

  struct Job {
    Key key;
    std::vector<uint8_t> bytes;
  };
  struct Done {
    Key key;
    std::optional<content::DecodedImage> image;
    std::string reason;
  };
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  std::deque<Done> done_;
  bool stopping_ = false;
  std::thread worker_;
};

}  // namespace kiosk::platform
