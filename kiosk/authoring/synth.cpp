#include "kiosk/authoring/synth.h"

#include <cstdio>
#include <random>
#include <string>
#include <string_view>

#include "kiosk/authoring/sources.h"
#include "kiosk/authoring/stb_image_impl.h"
#include "kiosk/content/fidelity.h"
#include "kiosk/content/schema.h"
#include "kiosk/content/sha256.h"
#include "kiosk/content/ui_keys.h"

namespace kiosk::authoring {
namespace {

// Words from the report, so that the font subset has a realistic size.
const char* const kWords[] = {"和平区", "高质量发展", "民心工程", "五大道",   "海棠花节", "文商旅",   "城市更新",
                              "养老",   "托育",       "口袋公园", "营商环境", "招商引资", "科技创新", "金融",
                              "社区",   "教育",       "卫生",     "就业",     "安全",     "绿色"};

constexpr int kSourceSentences = 60;

std::string words(std::mt19937& rng, int count) {
  std::string out;
  for (int i = 0; i < count; ++i) out += kWords[rng() % std::size(kWords)];
  return out;
}

// "B", "C", ... "Z", "BB": an English label without digits, which the Chinese would have to
// state, and without vowels, so that it never spells a number word either ("SIX", "TEN").
std::string letters(int index) {
  static constexpr std::string_view kConsonants = "BCDFGHJKLMNPQRSTVWXZ";
  const int n_letters = static_cast<int>(kConsonants.size());
  std::string out;
  for (int n = index + 1; n > 0; n = (n - 1) / n_letters)
    out.insert(out.begin(), kConsonants[static_cast<size_t>((n - 1) % n_letters)]);
  return out;
}

content::Image synthetic_image(int index, std::mt19937& rng) {
  const int w = 960, h = 720;
  std::vector<uint8_t> rgba(static_cast<size_t>(w) * h * 4);
  uint8_t r0 = static_cast<uint8_t>(rng()), g0 = static_cast<uint8_t>(rng()), b0 = static_cast<uint8_t>(rng());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      size_t p = (static_cast<size_t>(y) * w + x) * 4;
      rgba[p] = static_cast<uint8_t>(r0 + x / 8);
      rgba[p + 1] = static_cast<uint8_t>(g0 + y / 8);
      rgba[p + 2] = static_cast<uint8_t>(b0 + (x + y) / 16);
      rgba[p + 3] = 255;
    }
  auto bytes = encode_jpeg(rgba, w, h);
  std::string id = "synthetic-" + std::to_string(index);
  return {
      id,          "image/jpeg", w, h, content::sha256_hex(bytes), std::move(bytes), {"合成图片", "Synthetic image"},
      "synthetic", "CC0"};
}

}  // namespace

BuildResult build_synthetic(const SynthOptions& options, const std::filesystem::path& output) {
  std::mt19937 rng(2025);
  Sources s;
  s.info = {"synthetic",
            1,
            {"合成测试内容", "Synthetic test content"},
            {"和平区人民政府工作报告", "Government Work Report"},
            "2025-01-08",
            {"天津市和平区人民政府", "People's Government of Heping District"},
            0,
            "synth",
            content::kSchemaVersion};
  for (int c = 0; c < options.categories; ++c)
    s.categories.push_back(
        {"category-" + std::to_string(c), c + 1, {words(rng, 2), "Category " + std::to_string(c)}, "#F2C14E", "star"});
  std::vector<content::Image> images;
  for (int i = 0; i < options.images; ++i) images.push_back(synthetic_image(i, rng));
  // The synthetic content keeps to a synthetic source document, as real content keeps to
  // its report, so that a synthetic bundle validates: sentences of words, each ending in
  // a figure, which the items quote.
  struct Sentence {
    std::string lead, text, display;
    double value;
  };
  std::vector<Sentence> pool;
  std::string document = "一、2024年工作回顾\n";
  for (int k = 0; k < kSourceSentences; ++k) {
    double value = static_cast<double>(rng() % 100000) / 10;
    char display[32];
    std::snprintf(display, sizeof display, "%.1f万人次", value);
    std::string lead = words(rng, 2);
    pool.push_back({lead, lead + words(rng, 4) + display, display, value});
    document += (k % 5 == 0 ? "\n  " : "") + pool.back().text + "。";
  }
  document += "\n";
  s.document = {document, content::sha256_hex(std::vector<uint8_t>(document.begin(), document.end())), 1,
                static_cast<int>(content::lines_of(document).size())};
  s.document_file = "synthetic";
  for (int i = 0; i < options.items; ++i) {
    content::Item item;
    const auto& sentence = pool[static_cast<size_t>(i % kSourceSentences)];
    item.id = "item-" + std::to_string(i);
    item.category_id = s.categories[static_cast<size_t>(i % options.categories)].id;
    item.order = i;
    // The title is the report's words, as a real one must be: the sentence's first two.
    item.title = {sentence.lead, "Item " + letters(i)};
    item.summary = {sentence.text, "A synthetic item for scale tests"};
    for (int k = 0; k < 6; ++k) item.body.zh += pool[static_cast<size_t>((i + k) % kSourceSentences)].text + "。";
    item.body.en = "A longer synthetic text for the detail screen.";
    item.quote_zh = item.summary.zh;
    item.section = {"一、2024年工作回顾", "I. Review of work in 2024"};
    if (i % 3 == 0) {
      item.kind = content::ItemKind::Figure;
      char english[32];
      std::snprintf(english, sizeof english, "%.0f thousand", sentence.value * 10);
      item.figure = content::Figure{sentence.display, sentence.value, "万人次", "", "total", english, {}};
    } else {
      item.kind = i % 3 == 1 ? content::ItemKind::Project : content::ItemKind::Story;
      if (!images.empty()) item.image_id = images[static_cast<size_t>(i) % images.size()].id;
    }
    s.items.push_back(std::move(item));
  }
  content::FidelityCheck report(s.document);
  for (auto& item : s.items) item.original_zh = report.paragraph_of(item.quote_zh);
  for (int p = 0; p < options.playlist && p < options.items; ++p)
    s.playlist.push_back({p + 1, s.items[static_cast<size_t>(p)].id, 8, "crossfade", "", "", "", ""});
  for (auto key : content::kRequiredUiKeys) s.ui_strings.push_back({std::string(key), {"界面文字", "Interface text"}});

  return write_with_fonts(s, std::move(images), output);
}

}  // namespace kiosk::authoring
