#include "kiosk/platform/texture_cache.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "kiosk/platform/gl.h"

namespace kiosk::platform {
namespace {

// What the driver keeps for an RGBA8 texture with its full mipmap chain.
size_t texture_bytes(int width, int height) {
  size_t bytes = 0;
  for (size_t w = static_cast<size_t>(width), h = static_cast<size_t>(height);;
       w = std::max<size_t>(1, w / 2), h = std::max<size_t>(1, h / 2)) {
    bytes += w * h * 4;
    if (w == 1 && h == 1) return bytes;
  }
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
  for (auto& [id, entry] : textures_) glDeleteTextures(1, &entry.texture);
}

void TextureCache::work() {
  for (;;) {
    std::pair<std::string, std::vector<uint8_t>> job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || !jobs_.empty(); });
      if (stopping_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    std::string reason;
    auto decoded = content::decode_image(job.second, reason);
    std::lock_guard lock(mutex_);
    if (!decoded) reasons_[job.first] = reason;
    done_.emplace_back(job.first, std::move(decoded));
  }
}

void TextureCache::request(const std::string& id) {
  if (textures_.count(id) || failed_.count(id) || pending_.count(id)) return;
  std::optional<content::Image> image;
  try {
    image = bundle_.image(id);
  } catch (const std::exception& e) {
    errors_.push_back("image '" + id + "': " + e.what());
  }
  if (!image) {
    failed_.insert(id);
    return;
  }
  if (synchronous_) {
    std::string reason;
    if (auto decoded = content::decode_image(image->bytes, reason)) {
      upload(id, *decoded);
    } else {
      failed_.insert(id);
      errors_.push_back("image '" + id + "': " + reason);
    }
    return;
  }
  pending_.insert(id);
  {
    std::lock_guard lock(mutex_);
    jobs_.emplace_back(id, std::move(image->bytes));
  }
  wake_.notify_one();
}

std::optional<ui::ImageTexture> TextureCache::texture(const std::string& id) {
  auto it = textures_.find(id);
  if (it == textures_.end()) {
    request(id);
    it = textures_.find(id);
    if (it == textures_.end()) {
      if (pending_.count(id)) wanted_.insert(id);
      return std::nullopt;
    }
  }
  recent_.remove(id);
  recent_.push_front(id);
  Entry& e = it->second;
  e.drawn = generation_;
  drawn_this_generation_ = true;
  return ui::ImageTexture{reinterpret_cast<ImTextureID>(static_cast<intptr_t>(e.texture)), e.width, e.height};
}

void TextureCache::prefetch(const std::string& id) {
  request(id);
}

bool TextureCache::loading() const {
  return !wanted_.empty();
}

void TextureCache::upload(const std::string& id, const content::DecodedImage& image) {
  Entry e{0, image.width, image.height, texture_bytes(image.width, image.height), generation_};
  glGenTextures(1, &e.texture);
  glBindTexture(GL_TEXTURE_2D, e.texture);
  glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
  glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, image.width, image.height, 0, GL_RGBA, GL_UNSIGNED_BYTE, image.rgba.data());
  // Mipmaps keep a 1920 px picture calm when it is drawn as a small card.
  glGenerateMipmap(GL_TEXTURE_2D);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR_MIPMAP_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
  textures_[id] = e;
  bytes_ += e.bytes;
  recent_.push_front(id);
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
  std::deque<std::pair<std::string, std::optional<content::DecodedImage>>> done;
  std::map<std::string, std::string> reasons;
  {
    std::lock_guard lock(mutex_);
    done.swap(done_);
    reasons.swap(reasons_);
  }
  for (auto& [id, image] : done) {
    pending_.erase(id);
    wanted_.erase(id);
    if (image) {
      upload(id, *image);
    } else {
      failed_.insert(id);
      errors_.push_back("image '" + id + "': " + reasons[id]);
    }
  }
}

std::vector<std::string> TextureCache::take_errors() {
  return std::exchange(errors_, {});
}

}  // namespace kiosk::platform
