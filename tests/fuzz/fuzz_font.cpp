// libFuzzer's entry for the font target; the work is in fuzz_font.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_font.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_font(data, size);
  return 0;
}
