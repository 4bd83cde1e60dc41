// libFuzzer's entry for the minisign target; the work is in fuzz_minisign.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_minisign.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_minisign(data, size);
  return 0;
}
