#include <doctest/doctest.h>

#include "kiosk/text/marks.h"

using namespace kiosk::text;

TEST_CASE("marks: a quote within the quoted words takes single marks") {
  CHECK(quoted("“泰安道5号”焕新亮相") == "“‘泰安道5号’焕新亮相”");
  CHECK(quoted("“雏鹰”“瞪羚”“领军”企业") == "“‘雏鹰’‘瞪羚’‘领军’企业”");
  CHECK(quoted("预计全年地区生产总值增长5%以上") == "“预计全年地区生产总值增长5%以上”");
  CHECK(quoted("the “Wudadao Crabapple Blossom Festival”") == "“the ‘Wudadao Crabapple Blossom Festival’”");
  CHECK(quoted("") == "“”");
}

TEST_CASE("marks: a text without Chinese takes the narrow quotes, at the same byte offsets") {
  const std::string english = "27 “micro-reform” measures, Heping’s ‘first’";
  const std::string narrow = latin_quotes(english);
  CHECK(narrow.size() == english.size());
  CHECK(narrow.find("“") == std::string::npos);
  CHECK(narrow.find("’") == std::string::npos);
  CHECK(narrow.substr(0, 3) == "27 ");
  CHECK(narrow.find("micro-reform") == english.find("micro-reform"));
  // Chinese keeps the full-width marks it is set with, even around Latin words.
  for (const char* zh : {"“泰安道5号”焕新亮相", "the “五大道” area"}) CHECK(latin_quotes(zh) == zh);
  CHECK(has_han("和平"));
  CHECK_FALSE(has_han("Heping “District”"));
}
