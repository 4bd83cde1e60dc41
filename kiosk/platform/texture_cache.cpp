#include "kiosk/platform/texture_cache.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "kiosk/content/image_scale.h"
#include "kiosk/platform/gl.h"

namespace kiosk::platform {
namespace {

// What the driver keeps for an RGBA8 texture without mipmaps: a level is drawn at between
// a quarter (when the next finer one stands in) and the whole of its size, which bilinear
// filtering alone keeps calm.
size_t texture_bytes(int width, int height) {
  return static_cast<size_t>(width) * static_cast<size_t>(height) * 4;
}

// Decodes and scales on the calling thread; nullopt with `reason` for a picture that cannot be shown.
std::optional<content::DecodedImage> prepare(const std::vector<uint8_t>& bytes, int level, std::string& reason) {
  auto decoded = content::decode_image(bytes, reason);
  if (!decoded) return std::nullopt;
  return content::reduce_image(std::move(*decoded), level);
}

}  // namespace

TextureCache::TextureCache(content::Bundle& bundle, bool synchronous, size_t capacity, size_t budget_bytes)
    : bundle_(bundle), synchronous_(synchronous), capacity_(capacity), budget_bytes_(budget_bytes) {
  if (!synchronous_) worker_ = std::thread([this] { work(); });
}

TextureCache::~TextureCache() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  for (auto& [key, entry] : textures_) glDeleteTextures(1, &entry.texture);
}

void TextureCache::work() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    Done done{job.key, std::nullopt, {}};
    done.image = prepare(job.bytes, job.key.second, done.reason);
    std::lock_guard lock(mutex_);
    done_.push_back(std::move(done));
  }
}

int TextureCache::level_for(const std::string& id, ImVec2 shown) {
  if (failed_.count(id)) return -1;  // asked for again every frame: no query, no new error
  auto size = sizes_.find(id);
  if (size == sizes_.end()) {
    std::optional<std::pair<int, int>> recorded;
    try {
      recorded = bundle_.image_size(id);
    } catch (const std::exception& e) {
      errors_.push_back("image '" + id + "': " + e.what());
    }
    if (!recorded) {
      failed_.insert(id);
      return -1;
    }
    size = sizes_.emplace(id, *recorded).first;
  }
  auto [width, height] = size->second;
  if (width <= 0 || height <= 0 || !(shown.x > 0) || !(shown.y > 0)) return 0;
  // "Cover" shows the picture at the larger of the two ratios; each halving must still
  // leave at least one texel per pixel.
  float ratio = std::max(shown.x / static_cast<float>(width), shown.y / static_cast<float>(height));
  int level = 0;
  while (level < kMostHalvings && ratio * static_cast<float>(2 << level) <= 1.0f) ++level;
  return level;
}

void TextureCache::request(const Key& key) {
  if (textures_.count(key) || failed_.count(key.first) || pending_.count(key)) return;
  std::optional<content::Image> image;
  try {
    image = bundle_.image(key.first);
  } catch (const std::exception& e) {
    errors_.push_back("image '" + key.first + "': " + e.what());
  }
  if (!image) {
    failed_.insert(key.first);
    return;
  }
  if (synchronous_) {
    std::string reason;
    if (auto prepared = prepare(image->bytes, key.second, reason)) {
      upload(key, *prepared);
    } else {
      failed_.insert(key.first);
      errors_.push_back("image '" + key.first + "': " + reason);
    }
    return;
  }
  pending_.insert(key);
  {
    std::lock_guard lock(mutex_);
    jobs_.push_back(Job{key, std::move(image->bytes)});
  }
  wake_.notify_one();
}

std::map<TextureCache::Key, TextureCache::Entry>::iterator TextureCache::other_level(const std::string& id) {
  auto it = textures_.lower_bound(Key{id, 0});
  return it != textures_.end() && it->first.first == id ? it : textures_.end();
}

ui::ImageTexture TextureCache::draw(std::map<Key, Entry>::iterator it) {
  recent_.remove(it->first);
  recent_.push_front(it->first);
  Entry& e = it->second;
  e.drawn = generation_;
  drawn_this_generation_ = true;
  return ui::ImageTexture{reinterpret_cast<ImTextureID>(static_cast<intptr_t>(e.texture)), e.width, e.height};
}

std::optional<ui::ImageTexture> TextureCache::texture(const std::string& id, ImVec2 shown) {
  int level = level_for(id, shown);
  if (level < 0) return std::nullopt;
  Key key{id, level};
  auto it = textures_.find(key);
  if (it != textures_.end()) return draw(it);
  // A level one finer serves as it is (it is drawn at no less than a quarter of its size).
  // A finer one yet, or a coarser one, stands in while this one loads.
  auto other = other_level(id);
  if (other != textures_.end() && other->first.second == level - 1) return draw(other);
  request(key);
  it = textures_.find(key);
  if (it != textures_.end()) return draw(it);
  if (pending_.count(key)) wanted_.insert(key);
  if (other != textures_.end()) return draw(other);
  return std::nullopt;
}

void TextureCache::prefetch(const std::string& id, ImVec2 shown) {
  int level = level_for(id, shown);
  if (level < 0) return;
  auto other = other_level(id);
  if (other == textures_.end() || other->first.second != level - 1) request(Key{id, level});
}

bool TextureCache::loading() const {
  return !wanted_.empty();
}

void TextureCache::upload(const Key& key, const content::DecodedImage& image) {
  Entry e{0, image.width, image.height, texture_bytes(image.width, image.height), generation_};
  glGenTextures(1, &e.texture);
  glBindTexture(GL_TEXTURE_2D, e.texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAX_LEVEL, 0);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  textures_[key] = e;
  bytes_ += e.bytes;
  recent_.push_front(key);
  evict();
}

// Least recently drawn first, sparing what the latest frame drew: its draw list may still
// name the texture, and evicting it would only bring it back as a placeholder.
void TextureCache::evict() {
  for (auto it = recent_.end(); over_budget() && it != recent_.begin();) {
    --it;
    auto entry = textures_.find(*it);
    if (entry != textures_.end() && entry->second.drawn + 1 >= generation_) continue;
    if (entry != textures_.end()) {
      glDeleteTextures(1, &entry->second.texture);
      bytes_ -= entry->second.bytes;
      textures_.erase(entry);
    }
    it = recent_.erase(it);
  }
}

void TextureCache::upload_ready() {
  if (drawn_this_generation_) {
    ++generation_;
    drawn_this_generation_ = false;
  }
  std::deque<Done> done;
  {
    std::lock_guard lock(mutex_);
    done.swap(done_);
  }
  for (auto& d : done) {
    pending_.erase(d.key);
    wanted_.erase(d.key);
    if (d.image) {
      upload(d.key, *d.image);
    } else {
      failed_.insert(d.key.first);
      errors_.push_back("image '" + d.key.first + "': " + d.reason);
    }
  }
}

std::vector<std::string> TextureCache::take_errors() {
  return std::exchange(errors_, {});
}

}  // namespace kiosk::platform
