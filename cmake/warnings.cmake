# Project code builds warning-free; third-party headers come in as SYSTEM includes.
add_library(kiosk_warnings INTERFACE)
target_compile_options(kiosk_warnings INTERFACE -Wall -Wextra -Werror -Wshadow -Wnon-virtual-dtor)
