#pragma once
// Bundle pictures as GL textures: decoded on a worker thread (so a frame never waits
// for a 1920x1440 PNG), uploaded on the render thread, least recently used ones freed.

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
  // `synchronous`: decode on first use, on the calling thread (deterministic screenshots).
  TextureCache(content::Bundle& bundle, bool synchronous, size_t capacity = 24);
  ~TextureCache() override;
  TextureCache(const TextureCache&) = delete;
  TextureCache& operator=(const TextureCache&) = delete;

  std::optional<ui::ImageTexture> texture(const std::string& image_id) override;
  void prefetch(const std::string& image_id) override;
  bool loading() const override;

  // Uploads what the worker decoded; call once per frame on the render thread.
  void upload_ready();
  size_t live_textures() const { return textures_.size(); }
  // Problems met since the last call (an image that failed to decode), for the log.
  std::vector<std::string> take_errors();

 private:
  struct Entry {
    unsigned texture = 0;
    int width = 0, height = 0;
  };
  void request(const std::string& image_id);
  void upload(const std::string& id, const content::DecodedImage& image);
  void evict();
  void work();

  content::Bundle& bundle_;
  bool synchronous_;
  size_t capacity_;
  std::map<std::string, Entry> textures_;
  std::list<std::string> recent_;  // most recently used first
  std::set<std::string> failed_, pending_;
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
