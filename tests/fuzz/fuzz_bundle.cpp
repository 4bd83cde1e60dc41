// libFuzzer's entry for the bundle target; the work is in fuzz_bundle.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_bundle.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_bundle(data, size);
  return 0;
}
