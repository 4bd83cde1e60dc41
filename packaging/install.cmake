# What `cmake --install` (and so the Debian package) puts where. The display program is
# installed as heping-kiosk: "kiosk" alone is too generic a name for /usr/bin.
include(GNUInstallDirs)
set(pkg ${KIOSK_PACKAGE_NAME})
set(here ${PROJECT_SOURCE_DIR}/packaging)
# Debian 12 keeps systemd units and udev rules under /lib (/usr/lib on merged /usr).
set(KIOSK_SYSTEMD_UNIT_DIR /lib/systemd/system CACHE PATH "systemd unit directory")
set(KIOSK_UDEV_RULES_DIR /lib/udev/rules.d CACHE PATH "udev rules directory")

install(PROGRAMS $<TARGET_FILE:kiosk> DESTINATION ${CMAKE_INSTALL_BINDIR} RENAME ${pkg})
install(TARGETS kioskctl RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})
install(PROGRAMS ${here}/session/heping-kiosk-session ${here}/session/heping-kiosk-usb-import
        DESTINATION lib/${pkg})
install(FILES ${PROJECT_BINARY_DIR}/report.bundle DESTINATION ${CMAKE_INSTALL_DATADIR}/${pkg} OPTIONAL)
install(FILES ${here}/kiosk.toml DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/${pkg})
install(FILES ${here}/machine/pam DESTINATION ${CMAKE_INSTALL_FULL_SYSCONFDIR}/pam.d RENAME ${pkg})

install(FILES ${here}/systemd/heping-kiosk.service ${here}/systemd/heping-kiosk-usb@.service
        DESTINATION ${KIOSK_SYSTEMD_UNIT_DIR})
install(FILES ${here}/udev/90-heping-kiosk-usb.rules DESTINATION ${KIOSK_UDEV_RULES_DIR})
install(DIRECTORY ${here}/udev/touch-rotation DESTINATION ${CMAKE_INSTALL_DATADIR}/${pkg})
install(FILES ${here}/prometheus/heping-kiosk.rules.yml DESTINATION ${CMAKE_INSTALL_DATADIR}/${pkg}/prometheus)

# The machine as a kiosk: drop-ins the package owns, so that removing it undoes them.
install(FILES ${here}/machine/logind.conf DESTINATION lib/systemd/logind.conf.d RENAME ${pkg}.conf)
install(FILES ${here}/machine/journald.conf DESTINATION lib/systemd/journald.conf.d RENAME ${pkg}.conf)
install(FILES ${here}/machine/system.conf DESTINATION lib/systemd/system.conf.d RENAME ${pkg}.conf)
install(FILES ${here}/machine/sysctl.conf DESTINATION lib/sysctl.d RENAME 90-${pkg}.conf)

install(FILES ${PROJECT_SOURCE_DIR}/docs/install.md ${PROJECT_SOURCE_DIR}/docs/operators.md ${PROJECT_SOURCE_DIR}/docs/fleet.md
        DESTINATION ${CMAKE_INSTALL_DATADIR}/doc/${pkg})
install(FILES ${here}/man/heping-kiosk.1 ${here}/man/kioskctl.1 DESTINATION ${CMAKE_INSTALL_MANDIR}/man1)
