#pragma once
// Ends the current test case as skipped, visibly: the line it prints makes ctest report
// the test "Skipped" (SKIP_REGULAR_EXPRESSION in tests/CMakeLists.txt) instead of passed.

#include <iostream>

#define KIOSK_SKIP(reason)                                 \
  do {                                                     \
    std::cout << "[kiosk-skip] " << (reason) << std::endl; \
    return;                                                \
  } while (0)
