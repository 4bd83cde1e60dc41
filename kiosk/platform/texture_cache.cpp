#include "kiosk/platform/texture_cache.h"

#include <algorithm>
#include <cstdint>
#include <utility>

#include "kiosk/platform/gl.h"

namespace kiosk::platform {

TextureCache::TextureCache(content::Bundle& bundle, bool synchronous, size_t capacity)
    : bundle_(bundle), synchronous_(synchronous), capacity_(capacity) {
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
    if (it == textures_.end()) return std::nullopt;
  }
  recent_.remove(id);
  recent_.push_front(id);
  const Entry& e = it->second;
  return ui::ImageTexture{reinterpret_cast<ImTextureID>(static_cast<intptr_t>(e.texture)), e.width, e.height};
}

void TextureCache::prefetch(const std::string& id) {
  request(id);
}

bool TextureCache::loading() const {
  return !pending_.empty();
}

void TextureCache::upload(const std::string& id, const content::DecodedImage& image) {
  Entry e{0, image.width, image.height};
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
  recent_.push_front(id);
  evict();
}

void TextureCache::evict() {
  while (textures_.size() > capacity_ && !recent_.empty()) {
    std::string victim = recent_.back();
    recent_.pop_back();
    auto it = textures_.find(victim);
    if (it == textures_.end()) continue;
    glDeleteTextures(1, &it->second.texture);
    textures_.erase(it);
  }
}

void TextureCache::upload_ready() {
  std::deque<std::pair<std::string, std::optional<content::DecodedImage>>> done;
  std::map<std::string, std::string> reasons;
  {
    std::lock_guard lock(mutex_);
    done.swap(done_);
    reasons.swap(reasons_);
  }
  for (auto& [id, image] : done) {
    pending_.erase(id);
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
