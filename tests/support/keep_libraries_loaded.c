/* Preloaded into the kiosk in the sanitizer run only. glfwTerminate unloads Mesa's
 * drivers, after which LeakSanitizer cannot name the frames of the driver's own
 * one-time allocations, and so cannot apply tests/lsan-mesa.supp to them. Keeping
 * every library loaded until exit keeps those frames readable. */
int dlclose(void* handle) {
  (void)handle;
  return 0;
}
