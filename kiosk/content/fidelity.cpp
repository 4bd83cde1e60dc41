#include "kiosk/content/fidelity.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <optional>
#include <regex>

#include "kiosk/text/figure_text.h"
#include "kiosk/text/utf8.h"

namespace kiosk::content {
namespace {

constexpr size_t kHanRun = 4;        // Chinese characters in a row that mark web-page text
constexpr size_t kAsciiRun = 8;      // ASCII characters in a row that do (the page's address)
constexpr size_t kNearestCap = 300;  // characters of an offending text compared for the nearest passage

bool han(char32_t c) {
  return (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}
bool ascii_ink(char32_t c) {
  return c > 0x20 && c < 0x7F;
}

// Every run of `n` code points of `text` that all pass `keep`, encoded.
template <typename Keep>
void each_run(const std::vector<char32_t>& cps, size_t n, Keep keep, const std::function<void(std::string)>& fn) {
  size_t ok = 0;  // length of the run of kept code points ending at i
  for (size_t i = 0; i < cps.size(); ++i) {
    ok = keep(cps[i]) ? ok + 1 : 0;
    if (ok < n) continue;
    std::string run;
    for (size_t j = i + 1 - n; j <= i; ++j) run += text::encode(cps[j]);
    fn(std::move(run));
  }
}

// A section's number and its kind: "一、..." is part 1, "（三）..." subsection 3; in English
// "I. ..." and "(3) ...". Zero where a text has none. The numbers check reads "I" as a
// word, not a number, so this is where a wrong "II." is caught.
struct SectionNumber {
  bool subsection = false;
  int number = 0;
  bool operator==(const SectionNumber&) const = default;
};

SectionNumber section_number_zh(std::string_view text) {
  static const std::u32string numerals = U"一二三四五六七八九";
  auto cps = text::decode(text);
  bool paren = !cps.empty() && (cps[0] == U'（' || cps[0] == U'(');
  size_t i = paren ? 1 : 0;
  int tens = 0, units = 0;  // 十四 is 14, 二十 is 20: section numbers stay below a hundred
  for (; i < cps.size(); ++i) {
    if (cps[i] == U'十')
      tens = units == 0 ? 1 : units, units = 0;
    else if (auto d = numerals.find(cps[i]); d != std::u32string::npos)
      units = static_cast<int>(d) + 1;
    else
      break;
  }
  int n = tens * 10 + units;
  if (n == 0 || i >= cps.size()) return {};
  if (paren ? (cps[i] == U'）' || cps[i] == U')') : cps[i] == U'、') return {paren, n};
  return {};
}

int roman_value(std::string_view r) {
  static const std::pair<std::string_view, int> table[] = {{"X", 10}, {"IX", 9}, {"V", 5}, {"IV", 4}, {"I", 1}};
  int n = 0;
  while (!r.empty()) {
    bool matched = false;
    for (const auto& [symbol, value] : table)
      if (r.substr(0, symbol.size()) == symbol) {
        n += value, r.remove_prefix(symbol.size()), matched = true;
        break;
      }
    if (!matched) return 0;
  }
  return n;
}

SectionNumber section_number_en(const std::string& text) {
  static const std::regex part(R"(^([IVX]+)\. )"), subsection(R"(^\(([0-9]+)\) )");
  std::smatch m;
  if (std::regex_search(text, m, part)) return {false, roman_value(m[1].str())};
  if (std::regex_search(text, m, subsection)) return {true, std::stoi(m[1].str())};
  return {};
}

std::string section_label(SectionNumber s) {
  if (s.number == 0) return "no number";
  return (s.subsection ? "subsection " : "part ") + std::to_string(s.number);
}

double magnitude_zh(const std::string& unit) {
  if (unit.rfind("万", 0) == 0) return 1e4;
  if (unit.rfind("亿", 0) == 0) return 1e8;
  return 1;
}

// The number an English rendering states: "over 16.6 million visits" -> 16600000.
std::optional<double> value_en(const std::string& text) {
  static const std::regex number(R"(([0-9][0-9,]*(\.[0-9]+)?)(\s*(thousand|million|billion))?)");
  std::smatch m;
  if (!std::regex_search(text, m, number)) return std::nullopt;
  std::string digits = m[1].str();
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  double value = std::stod(digits);
  std::string word = m[4].str();
  if (word == "thousand") value *= 1e3;
  if (word == "million") value *= 1e6;
  if (word == "billion") value *= 1e9;
  return value;
}

bool same(double a, double b) {
  return std::fabs(a - b) <= 1e-9 * std::max({1.0, std::fabs(a), std::fabs(b)});
}

// Every number the Chinese states: "1660余万" gives 1660 and 16600000, "七万元" 70000.
std::vector<double> numbers_zh(std::string_view text) {
  static const std::u32string digits = U"零一二两三四五六七八九";
  auto cps = text::decode(text);
  std::vector<double> out;
  auto scale_at = [&](size_t i) {
    while (i < cps.size() && (cps[i] == U'余' || cps[i] == U'多')) ++i;
    if (i < cps.size() && cps[i] == U'万') return 1e4;
    if (i < cps.size() && cps[i] == U'亿') return 1e8;
    return 1.0;
  };
  for (size_t i = 0; i < cps.size();) {
    if (cps[i] >= U'0' && cps[i] <= U'9') {
      std::string run;
      for (; i < cps.size() && ((cps[i] >= U'0' && cps[i] <= U'9') || cps[i] == U'.' || cps[i] == U','); ++i)
        if (cps[i] != U',') run += static_cast<char>(cps[i]);
      double value = std::strtod(run.c_str(), nullptr);
      out.push_back(value);
      out.push_back(value * scale_at(i));
      continue;
    }
    // Chinese numerals, read as a whole: 十四 is 14, 两千 2000, 七万 70000.
    double total = 0, section = 0, digit = 0;
    bool any = false;
    for (; i < cps.size(); ++i) {
      char32_t c = cps[i];
      if (size_t d = digits.find(c); d != std::u32string::npos)
        digit = static_cast<double>(d == 0 ? 0 : d - (d >= 3 ? 1 : 0));
      else if (c == U'十' || c == U'百' || c == U'千')
        section += (digit == 0 ? 1 : digit) * (c == U'十' ? 10 : c == U'百' ? 100 : 1000), digit = 0;
      else if (any && (c == U'万' || c == U'亿'))
        total += (section + digit) * (c == U'万' ? 1e4 : 1e8), section = digit = 0;
      else
        break;
      any = true;
    }
    if (any)
      out.push_back(total + section + digit);
    else
      ++i;
  }
  return out;
}

// The value of a cardinal number word, 0 for any other word. "one" is left out: it is as
// often a pronoun ("one of the best") as a number, and states nothing a reader would check.
double cardinal_word(std::string word) {
  static const char* const small[] = {"",         "",        "two",     "three",     "four",     "five",    "six",
                                      "seven",    "eight",   "nine",    "ten",       "eleven",   "twelve",  "thirteen",
                                      "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"};
  static const char* const tens[] = {"twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"};
  for (char& c : word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (int i = 2; i < 20; ++i)
    if (word == small[i]) return i;
  for (int i = 0; i < 8; ++i)
    if (word == tens[i]) return 20 + 10 * i;
  return 0;
}

// Numbers written in words, "seventy thousand" -> 70000, "ten-billion-yuan" -> 1e10: the
// digits-only check would let "nine percent" state what the Chinese does not.
std::vector<std::pair<std::string, double>> spelled_numbers_en(const std::string& text) {
  static const std::regex word(R"([A-Za-z]+)");
  std::vector<std::pair<std::string, double>> out;
  double total = 0, current = 0;
  size_t from = 0, to = 0;
  auto flush = [&] {
    if (total + current > 0) out.emplace_back(text.substr(from, to - from), total + current);
    total = current = 0;
  };
  for (auto it = std::sregex_iterator(text.begin(), text.end(), word); it != std::sregex_iterator(); ++it) {
    auto at = static_cast<size_t>(it->position(0));
    std::string w = it->str(0);
    bool joined = total + current > 0 && text.find_first_not_of(" -", to) == at;
    if (!joined) flush();
    double scale = w == "thousand" ? 1e3 : w == "million" ? 1e6 : w == "billion" ? 1e9 : 0;
    if (double v = cardinal_word(w); v > 0) {
      current += v;
    } else if (w == "hundred" && (joined || total + current == 0)) {
      current = (current == 0 ? 1 : current) * 100;
    } else if (scale > 0 && joined) {
      total += current * scale, current = 0;
    } else {
      continue;
    }
    if (!joined) from = at;
    to = at + w.size();
  }
  flush();
  return out;
}

// Every number an English text states, as written and as a value: "16.6 million" -> 16600000.
std::vector<std::pair<std::string, double>> numbers_en(const std::string& text) {
  static const std::regex number(R"(([0-9][0-9,]*(\.[0-9]+)?)(\s*(thousand|million|billion))?)");
  std::vector<std::pair<std::string, double>> out;
  for (auto it = std::sregex_iterator(text.begin(), text.end(), number); it != std::sregex_iterator(); ++it) {
    const std::smatch& m = *it;
    auto at = static_cast<size_t>(m.position(0));
    // Digits inside a word or after a decimal point are not a number of their own.
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '.')) continue;
    auto value = value_en(m.str(0));
    if (!value) continue;
    // A minus sign that starts a word makes the number another one ("grew by -13.4%"); a
    // hyphen between two numbers ("2024-2025") does not.
    bool minus = at > 0 && text[at - 1] == '-' &&
                 (at == 1 || std::isspace(static_cast<unsigned char>(text[at - 2])) || text[at - 2] == '(');
    if (minus)
      out.emplace_back("-" + m.str(0), -*value);
    else
      out.emplace_back(m.str(0), *value);
  }
  auto spelled = spelled_numbers_en(text);
  out.insert(out.end(), spelled.begin(), spelled.end());
  return out;
}

std::string number(double v) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.15g", v);
  return buffer;
}

std::string quoted(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 2);
  out.append(1, '\'').append(text).append(1, '\'');
  return out;
}

}  // namespace

std::string more_figure_key(size_t index) {
  return "more_figures[" + std::to_string(index + 1) + "]";
}

std::string FidelityCheck::normalise(std::string_view input) {
  static const std::pair<std::string_view, std::string_view> twins[] = {
      {"，", ","}, {"：", ":"}, {"；", ";"}, {"！", "!"}, {"（", "("}, {"）", ")"}, {"？", "?"}};
  std::string text(input);
  for (const auto& [wide, narrow] : twins)
    for (size_t at = text.find(wide); at != std::string::npos; at = text.find(wide, at + narrow.size()))
      text.replace(at, wide.size(), narrow);
  return text;
}

FidelityCheck::FidelityCheck(const SourceDocument& document) : report_(normalise(report_text(document))) {
  for (auto& paragraph : shown_paragraphs(document)) paragraphs_.emplace_back(normalise(paragraph), paragraph);
  auto lines = lines_of(document.text);
  for (int n = 1; n <= static_cast<int>(lines.size()); ++n) {
    std::string_view line = lines[static_cast<size_t>(n - 1)];
    if (n >= document.first_line && n <= document.last_line) {
      // Sentences end at 。！？!? ; each keeps its mark.
      size_t start = 0;
      while (start < line.size()) {
        size_t end = std::string_view::npos;
        size_t mark = 0;
        for (std::string_view stop : {"。", "！", "？", "!", "?"})
          if (size_t at = line.find(stop, start); at < end) end = at, mark = stop.size();
        std::string_view sentence = line.substr(start, end == std::string_view::npos ? end : end + mark - start);
        while (!sentence.empty() && sentence.front() == ' ') sentence.remove_prefix(1);
        if (!sentence.empty()) sentences_.push_back({n, std::string(sentence), text::decode(normalise(sentence))});
        if (end == std::string_view::npos) break;
        start = end + mark;
      }
      continue;
    }
    auto cps = text::decode(normalise(line));
    auto add = [&](std::string run) {
      if (report_.find(run) == std::string::npos) wrapper_.emplace(std::move(run), n);
    };
    each_run(cps, kHanRun, han, add);
    each_run(cps, kAsciiRun, ascii_ink, add);
    // A shorter run standing alone between marks or spaces ("验证码:") is a mark of its own.
    for (size_t i = 0; i < cps.size();) {
      size_t end = i;
      while (end < cps.size() && han(cps[end])) ++end;
      if (end - i >= 2 && end - i < kHanRun) {
        std::string run;
        for (size_t j = i; j < end; ++j) run += text::encode(cps[j]);
        add(std::move(run));
      }
      i = end == i ? i + 1 : end;
    }
  }
}

bool FidelityCheck::in_report(std::string_view text) const {
  return report_.find(normalise(text)) != std::string::npos;
}

std::string FidelityCheck::paragraph_of(std::string_view quote) const {
  std::string wanted = normalise(quote);
  if (wanted.empty()) return {};
  for (const auto& [normalised, shown] : paragraphs_)
    if (normalised.find(wanted) != std::string::npos) return shown;
  return {};
}

std::string FidelityCheck::wrapper_in(std::string_view text) const {
  if (wrapper_.empty()) return {};
  auto cps = text::decode(normalise(text));
  std::string found;
  auto look = [&](std::string run) {
    if (!found.empty()) return;
    if (auto it = wrapper_.find(run); it != wrapper_.end())
      found = quoted(run) + " (source line " + std::to_string(it->second) + ")";
  };
  each_run(cps, kHanRun, han, look);
  each_run(cps, kAsciiRun, ascii_ink, look);
  for (size_t n = 2; n < kHanRun; ++n) each_run(cps, n, han, look);
  return found;
}

std::string FidelityCheck::nearest_passage(std::string_view text) const {
  auto target = text::decode(normalise(text));
  if (target.size() > kNearestCap) target.resize(kNearestCap);
  const Sentence* best = nullptr;
  size_t best_length = 0;
  std::vector<size_t> previous, current;
  for (const auto& sentence : sentences_) {
    // The longest common run of characters, by dynamic programming over the two texts.
    const auto& s = sentence.normalised;
    previous.assign(s.size() + 1, 0);
    current.assign(s.size() + 1, 0);
    size_t longest = 0;
    for (char32_t c : target) {
      for (size_t j = 1; j <= s.size(); ++j) {
        current[j] = s[j - 1] == c ? previous[j - 1] + 1 : 0;
        longest = std::max(longest, current[j]);
      }
      std::swap(previous, current);
    }
    if (longest > best_length) best_length = longest, best = &sentence;
  }
  // One shared character is chance, not a passage.
  if (!best || best_length < 2) return {};
  return "line " + std::to_string(best->line) + ": " + quoted(best->text);
}

void FidelityCheck::problem(std::vector<FidelityProblem>& out, std::string field, std::string reason,
                            std::string_view near) const {
  out.push_back({std::move(field), std::move(reason), nearest_passage(near)});
}

// The English may state a number only where the item's Chinese states it.
void FidelityCheck::check_english_numbers(std::vector<FidelityProblem>& out, const Item& item) const {
  std::vector<double> stated;
  for (const std::string* zh : {&item.title.zh, &item.summary.zh, &item.body.zh, &item.quote_zh, &item.section.zh}) {
    auto found = numbers_zh(*zh);
    stated.insert(stated.end(), found.begin(), found.end());
  }
  std::vector<const Figure*> figures;
  if (item.figure) figures.push_back(&*item.figure);
  for (const auto& f : item.more_figures) figures.push_back(&f);
  for (const Figure* f : figures)
    for (const std::string* zh : {&f->display_zh, &f->label.zh}) {
      auto found = numbers_zh(*zh);
      stated.insert(stated.end(), found.begin(), found.end());
    }
  std::vector<std::pair<std::string, const std::string*>> fields = {{"title_en", &item.title.en},
                                                                    {"summary_en", &item.summary.en},
                                                                    {"body_en", &item.body.en},
                                                                    {"section_en", &item.section.en}};
  for (size_t i = 0; i < item.more_figures.size(); ++i)
    fields.emplace_back(more_figure_key(i) + ".label_en", &item.more_figures[i].label.en);
  for (const auto& [field, en] : fields)
    for (const auto& number : numbers_en(*en))  // not a structured binding: clang 14 cannot capture one
      if (std::none_of(stated.begin(), stated.end(), [&](double z) { return same(z, number.second); }))
        problem(out, field,
                "the English states " + quoted(number.first) + ", a number the item's Chinese does not state",
                item.quote_zh);
}

std::vector<FidelityProblem> FidelityCheck::check(const Item& item) const {
  std::vector<FidelityProblem> out;
  auto verbatim = [&](const char* field, const std::string& text, const char* what) {
    if (text.empty())
      problem(out, field, std::string(what) + " is empty; it must be the report's own text", text);
    else if (!in_report(text))
      problem(out, field, std::string(what) + " " + quoted(text) + " is not in the report", text);
  };
  verbatim("quote", item.quote_zh, "the quote");
  verbatim("summary_zh", item.summary.zh, "the summary");
  verbatim("title_zh", item.title.zh, "the title");
  check_english_numbers(out, item);
  if (auto zh = section_number_zh(item.section.zh), en = section_number_en(item.section.en); zh != en)
    problem(out, "section_en",
            quoted(item.section.en) + " is " + section_label(en) + ", but " + quoted(item.section.zh) + " is " +
                section_label(zh),
            item.section.zh);
  const std::string& body = item.body.zh;
  for (size_t start = 0; start < body.size();) {
    size_t end = body.find("。", start);
    std::string sentence = body.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!sentence.empty() && !in_report(sentence))
      problem(out, "body_zh", "the sentence " + quoted(sentence) + " is not in the report", sentence);
    if (end == std::string::npos) break;
    start = end + std::string_view("。").size();
  }
  if (!item.original_zh.empty() && item.original_zh != paragraph_of(item.quote_zh))
    problem(out, "original", "the 原文 is not the report's paragraph that holds the quote " + quoted(item.quote_zh),
            item.original_zh);
  if (item.figure) check_figure(out, item, *item.figure, "figure");
  for (size_t i = 0; i < item.more_figures.size(); ++i) {
    const Figure& f = item.more_figures[i];
    std::string key = more_figure_key(i);
    if (f.label.zh.empty())
      problem(out, key + ".label_zh", "the figure's label is empty; say what it counts in the report's words",
              item.quote_zh);
    else if (!in_report(f.label.zh))
      problem(out, key + ".label_zh", "the label " + quoted(f.label.zh) + " is not in the report", f.label.zh);
    if (f.label.en.empty()) problem(out, key + ".label_en", "the figure's English label is empty", item.quote_zh);
    check_figure(out, item, f, key);
  }
  return out;
}

// Every figure, the lead one and those after it, is worded as the report words it, lies
// inside the item's quote, and its English states the same number with its qualifier.
void FidelityCheck::check_figure(std::vector<FidelityProblem>& out, const Item& item, const Figure& f,
                                 const std::string& key) const {
  if (f.display_zh.empty()) {
    problem(out, key + ".display", "the figure's display is empty", item.quote_zh);
    return;
  }
  if (normalise(item.quote_zh).find(normalise(f.display_zh)) == std::string::npos)
    problem(out, key + ".display",
            "the figure " + quoted(f.display_zh) + " is not inside the item's quote " + quoted(item.quote_zh),
            item.quote_zh);
  if (f.display_zh.find(f.qualifier) == std::string::npos)
    problem(out, key + ".qualifier",
            "the qualifier " + quoted(f.qualifier) + " is not in the figure " + quoted(f.display_zh), item.quote_zh);
  if (f.display_zh.find(f.unit_zh) == std::string::npos)
    problem(out, key + ".unit", "the unit " + quoted(f.unit_zh) + " is not in the figure " + quoted(f.display_zh),
            item.quote_zh);
  // `value` is the figure as a number for whoever reads the bundle: it must be the one the report states.
  std::string digits = text::split_figure(f.display_zh).number;
  digits.erase(std::remove(digits.begin(), digits.end(), ','), digits.end());
  const bool has_number = !digits.empty() && digits.find_first_of("0123456789") != std::string::npos;
  const double shown = has_number ? std::strtod(digits.c_str(), nullptr) : f.value;
  if (has_number && !same(shown, f.value))
    problem(out, key + ".value", "the value " + number(f.value) + " is not the number of " + quoted(f.display_zh),
            item.quote_zh);
  // The English states the figure as shown, not `value` (which has its own message above).
  const double expected = shown * magnitude_zh(f.unit_zh);
  auto en = value_en(f.display_en);
  if (!en)
    problem(out, key + ".display_en", "the English " + quoted(f.display_en) + " states no number", item.quote_zh);
  else if (!same(*en, expected))
    problem(out, key + ".display_en",
            "the English " + quoted(f.display_en) + " states " + number(*en) + ", but " + quoted(f.display_zh) +
                " is " + number(expected),
            item.quote_zh);
  static const std::regex more("over|more than|above|exceed"), nearly("nearly|almost|close to");
  const std::string& q = f.qualifier;
  if ((q == "余" || q == "超" || q == "以上" || q == "突破" || q == "多") && !std::regex_search(f.display_en, more))
    problem(out, key + ".display_en",
            "the English " + quoted(f.display_en) + " drops the qualifier " + quoted(q) +
                " (say over, more than, above or exceed)",
            item.quote_zh);
  if (q == "近" && !std::regex_search(f.display_en, nearly))
    problem(out, key + ".display_en",
            "the English " + quoted(f.display_en) + " drops the qualifier '近' (say nearly, almost or close to)",
            item.quote_zh);
}

}  // namespace kiosk::content
