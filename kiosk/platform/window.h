#pragma once
// The kiosk's GLFW window with an OpenGL 3.3 core context. In kiosk mode it is
// fullscreen and locked down: close requests and keys cannot close it.

#include <functional>
#include <stdexcept>
#include <string>

struct GLFWwindow;

namespace kiosk::platform {

class PlatformError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Touch arrives as an emulated mouse; positions are in framebuffer pixels.
struct PointerEvent {
  enum Kind { Press, Move, Release } kind;
  float x, y;
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
  void on_pointer(std::function<void(const PointerEvent&)> handler) { pointer_ = std::move(handler); }
  // True when the window system asked for a redraw (exposed, resized) since the last call.
  bool take_damage();

 private:
  static void on_button(GLFWwindow* window, int button, int action, int mods);
  static void on_cursor(GLFWwindow* window, double x, double y);
  static void on_refresh(GLFWwindow* window);
  void emit(PointerEvent::Kind kind, double x, double y);

  WindowKind kind_;
  GLFWwindow* window_ = nullptr;
  std::function<void(const PointerEvent&)> pointer_;
  bool damaged_ = true;
  double cursor_x_ = 0, cursor_y_ = 0;  // the last position the window was told of
};

// The kiosk takes no typed text: X's compose table is not loaded. Changes the environment,
// so it is called before any thread starts.
void skip_compose_table();

// The size a kiosk window will have: the primary monitor's mode (for WindowKind::Kiosk).
// Needs the display; returns 0x0 when there is none.
// Ends a wait_events() early; safe to call from any thread while a Window exists.
void wake_event_loop();

void primary_monitor_size(int& width, int& height);

// The renderer string of the current context (names llvmpipe or softpipe on software GL).
std::string gl_renderer();
bool is_software_renderer();

}  // namespace kiosk::platform
