// libFuzzer's entry for the sources target; the work is in fuzz_sources.h, shared with the
// regression test in tests/unit/test_fuzz_regressions.cpp.
#include "tests/fuzz/fuzz_sources.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  kiosk::fuzz::run_sources(data, size);
  return 0;
}
