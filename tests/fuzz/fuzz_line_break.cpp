// libFuzzer's entry for the line_break target; the work is in fuzz_line_break.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_line_break.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_line_break(data, size);
  return 0;
}
