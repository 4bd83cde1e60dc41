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
