#pragma once
// The kiosk's GLFW window with an OpenGL 3.3 core context. In kiosk mode it is
// fullscreen and locked down: close requests and keys cannot close it.

#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace kiosk::platform {

class PlatformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

enum class WindowKind {
  Kiosk,      // fullscreen on the primary monitor, locked down
  Windowed,   // an ordinary closable window, for development
  Offscreen,  // hidden; rendering goes to an off-screen target (screenshots)
};

class Window {
 public:
  Window(WindowKind kind, int width, int height, const std::string& title);
  ~Window();
  Window(const Window&) = delete;
  Window& operator=(const Window&) = delete;

  GLFWwindow* handle() const { return window_; }
  WindowKind kind() const { return kind_; }
  bool should_close() const;
  void framebuffer_size(int& width, int& height) const;
  void swap();
  void set_cursor_hidden(bool hidden);
  // Sleeps until an input event arrives or `seconds` pass.
  void wait_events(double seconds);

 private:
  WindowKind kind_;
  GLFWwindow* window_ = nullptr;
};

// The renderer string of the current context (names llvmpipe or softpipe on software GL).
std::string gl_renderer();
bool is_software_renderer();

}  // namespace kiosk::platform
