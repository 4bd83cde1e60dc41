#pragma once
// OpenGL 3.3 core entry points, called straight through libGL (GLVND exports them all).
#define GL_GLEXT_PROTOTYPES 1
#include <GL/gl.h>
#include <GL/glext.h>
