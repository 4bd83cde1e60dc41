# Instrumented builds. Each is its own build directory (scripts/test.sh, scripts/coverage.sh).
if(KIOSK_SANITIZE)
  # -O1 as the AddressSanitizer documentation advises: at a Debug build's -O0 the suite's
  # headless walks over every scene run several times slower and take most of CI's budget.
  # GCC 12's -Wmaybe-uninitialized misfires inside libstdc++'s <regex> once the sanitizers'
  # checks are optimised (GCC bug 105593 and its kin); the Release build keeps the warning.
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined -O1
                      -Wno-maybe-uninitialized)
  add_link_options(-fsanitize=address,undefined)
endif()
if(KIOSK_TSAN)
  if(KIOSK_SANITIZE)
    message(FATAL_ERROR "KIOSK_TSAN and KIOSK_SANITIZE cannot share a build")
  endif()
  add_compile_options(-fsanitize=thread -fno-omit-frame-pointer)
  add_link_options(-fsanitize=thread)
endif()
if(KIOSK_COVERAGE)
  add_compile_options(--coverage -fprofile-update=atomic)
  add_link_options(--coverage)
endif()
