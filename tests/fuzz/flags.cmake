# Included by the top-level CMakeLists.txt when KIOSK_FUZZ=ON, before any layer is added,
# so that every library the targets reach is instrumented for coverage and checked by
# AddressSanitizer and UndefinedBehaviorSanitizer. libFuzzer's main() is linked only into
# the fuzz targets (tests/fuzz/CMakeLists.txt); kiosk and kioskctl stay ordinary programs.
if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
  message(FATAL_ERROR "KIOSK_FUZZ needs clang (libFuzzer): configure with CC=clang-14 CXX=clang++-14")
endif()
if(KIOSK_SANITIZE)
  message(FATAL_ERROR "KIOSK_FUZZ already enables the sanitizers; leave KIOSK_SANITIZE off")
endif()
add_compile_options(-fsanitize=fuzzer-no-link,address,undefined -fno-omit-frame-pointer
                    -fno-sanitize-recover=undefined)
add_link_options(-fsanitize=address,undefined)
# ctest -L fuzz runs the seeds and regressions even when BUILD_TESTING is off (as
# scripts/fuzz.sh configures it), and before the top level's include(CTest).
enable_testing()
