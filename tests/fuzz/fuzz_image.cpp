// libFuzzer's entry for the image target; the work is in fuzz_image.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_image.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_image(data, size);
  return 0;
}
