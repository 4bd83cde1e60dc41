# Project code builds warning-free; third-party headers come in as SYSTEM includes.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
# gcc 12 at -O3 (Release) reports -Wrestrict inside libstdc++ for `"x" + std::string`
# chains, a known false positive (GCC bug 105329): it stays a warning, not an error, so
# that a Release build from source succeeds.
target_compile_options(kiosk_warnings INTERFACE
  $<$<AND:$<CXX_COMPILER_ID:GNU>,$<VERSION_LESS:$<CXX_COMPILER_VERSION>,13>>:-Wno-error=restrict>)
