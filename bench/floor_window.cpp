// kiosk-floor-window: the floor the kiosk's figures are compared with. An empty GLFW
// window with an OpenGL 3.3 core context, set up as the kiosk's own window is: it clears
// and swaps once, says `first frame` on stderr (after `renderer NAME`), then sleeps in
// glfwWaitEventsTimeout until SIGTERM or SIGINT.
//   kiosk-floor-window [WxH]

#include <GLFW/glfw3.h>

#include <csignal>
#include <cstdio>

namespace {

volatile std::sig_atomic_t g_stop = 0;

void on_stop(int) {
  g_stop = 1;
}

}  // namespace

int main(int argc, char** argv) {
  int w = 1920, h = 1080;
  if (argc == 2 && std::sscanf(argv[1], "%dx%d", &w, &h) != 2) {
    std::fprintf(stderr, "usage: kiosk-floor-window [WxH]\n");
    return 2;
  }
  struct sigaction action {};
  action.sa_handler = on_stop;
  sigaction(SIGTERM, &action, nullptr);
  sigaction(SIGINT, &action, nullptr);
  if (!glfwInit()) {
    std::fprintf(stderr, "kiosk-floor-window: cannot initialise GLFW\n");
    return 1;
  }
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
  glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
  glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
  GLFWwindow* window = glfwCreateWindow(w, h, "floor", nullptr, nullptr);
  if (!window) {
    std::fprintf(stderr, "kiosk-floor-window: cannot create an OpenGL 3.3 core window\n");
    glfwTerminate();
    return 1;
  }
  glfwMakeContextCurrent(window);
  glfwSwapInterval(1);
  glClearColor(0, 0, 0, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  glfwSwapBuffers(window);
  const auto* renderer = reinterpret_cast<const char*>(glGetString(GL_RENDERER));
  std::fprintf(stderr, "renderer %s\nfirst frame\n", renderer ? renderer : "?");
  std::fflush(stderr);
  while (!g_stop) glfwWaitEventsTimeout(1.0);
  glfwDestroyWindow(window);
  glfwTerminate();
  return 0;
}
