#include "kiosk/platform/window.h"

#include <GLFW/glfw3.h>

#include <cstdlib>
#include <utility>

#include "kiosk/platform/gl.h"

namespace kiosk::platform {
namespace {

void on_close_request(GLFWwindow* window) {
  // A kiosk does not close because a window manager or Alt+F4 asked it to.
  glfwSetWindowShouldClose(window, GLFW_FALSE);
}

}  // namespace

void skip_compose_table() {
  // glfwInit opens an X input method, for which libX11 parses the locale's whole Compose
  // table (thousands of lines: ~5 ms of a cold start here). The kiosk takes no typed text,
  // so it asks for an empty table, as Compose(5) documents, unless the session chose one.
  setenv("XCOMPOSEFILE", "/dev/null", 0);
}

Window::Window(WindowKind kind, int width, int height, const std::string& title) : kind_(kind) {
  if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY"))
    throw PlatformError("no display: set DISPLAY (for example run under Xvfb)");
  if (!glfwInit()) throw PlatformError("cannot initialise GLFW (is the X display reachable?)");
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  glfwWindowHint(GLFW_VISIBLE, kind == WindowKind::Offscreen ? GLFW_FALSE : GLFW_TRUE);
  GLFWmonitor* monitor = nullptr;
  if (kind == WindowKind::Kiosk) {
    monitor = glfwGetPrimaryMonitor();
    if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
      width = mode->width;
      height = mode->height;
    }
    glfwWindowHint(GLFW_AUTO_ICONIFY, GLFW_FALSE);
    glfwWindowHint(GLFW_DECORATED, GLFW_FALSE);
  }
  window_ = glfwCreateWindow(width, height, title.c_str(), monitor, nullptr);
  if (!window_) {
    glfwTerminate();
    throw PlatformError("cannot create an OpenGL 3.3 core window");
  }
  glfwMakeContextCurrent(window_);
  glfwSwapInterval(1);
  if (kind == WindowKind::Kiosk) glfwSetWindowCloseCallback(window_, on_close_request);
  glfwSetWindowUserPointer(window_, this);
  glfwSetMouseButtonCallback(window_, on_button);
  glfwSetCursorPosCallback(window_, on_cursor);
  glfwGetCursorPos(window_, &cursor_x_, &cursor_y_);
  glfwSetWindowRefreshCallback(window_, on_refresh);
}

void Window::emit(PointerEvent::Kind kind, double x, double y) {
  if (!pointer_) return;
  int w = 0, h = 0, fw = 0, fh = 0;
  glfwGetWindowSize(window_, &w, &h);
  glfwGetFramebufferSize(window_, &fw, &fh);
  float sx = w > 0 ? static_cast<float>(fw) / static_cast<float>(w) : 1;
  float sy = h > 0 ? static_cast<float>(fh) / static_cast<float>(h) : 1;
  pointer_({kind, static_cast<float>(x) * sx, static_cast<float>(y) * sy});
}

void Window::on_button(GLFWwindow* window, int button, int action, int) {
  if (button != GLFW_MOUSE_BUTTON_LEFT) return;
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  // Where the pointer was when the button changed: events are handled in batches, and by
  // then glfwGetCursorPos would already report where the pointer went next.
  self->emit(action == GLFW_PRESS ? PointerEvent::Press : PointerEvent::Release, self->cursor_x_, self->cursor_y_);
}

void Window::on_cursor(GLFWwindow* window, double x, double y) {
  auto* self = static_cast<Window*>(glfwGetWindowUserPointer(window));
  self->cursor_x_ = x;
  self->cursor_y_ = y;
  self->emit(PointerEvent::Move, x, y);
}

void Window::on_refresh(GLFWwindow* window) {
  static_cast<Window*>(glfwGetWindowUserPointer(window))->damaged_ = true;
}

bool Window::take_damage() {
  return std::exchange(damaged_, false);
}

Window::~Window() {
  glfwDestroyWindow(window_);
  glfwTerminate();
}

bool Window::should_close() const {
  return glfwWindowShouldClose(window_);
}

void Window::framebuffer_size(int& width, int& height) const {
  glfwGetFramebufferSize(window_, &width, &height);
}

void Window::swap() {
  glfwSwapBuffers(window_);
}

void Window::set_cursor_hidden(bool hidden) {
  glfwSetInputMode(window_, GLFW_CURSOR, hidden ? GLFW_CURSOR_HIDDEN : GLFW_CURSOR_NORMAL);
}

void Window::wait_events(double seconds) {
  if (seconds <= 0)
    glfwPollEvents();
  else
    glfwWaitEventsTimeout(seconds);
}

void wake_event_loop() {
  glfwPostEmptyEvent();
}

void primary_monitor_size(int& width, int& height) {
  width = height = 0;
  if (!glfwInit()) return;
  GLFWmonitor* monitor = glfwGetPrimaryMonitor();
  if (const GLFWvidmode* mode = monitor ? glfwGetVideoMode(monitor) : nullptr) {
    width = mode->width;
    height = mode->height;
  }
}

std::string gl_renderer() {
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  return renderer ? renderer : "";
}

bool is_software_renderer() {
  std::string r = gl_renderer();
  return r.find("llvmpipe") != std::string::npos || r.find("softpipe") != std::string::npos;
}

}  // namespace kiosk::platform
