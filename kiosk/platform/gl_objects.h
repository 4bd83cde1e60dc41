#pragma once
// What the process holds, measured from the outside of our own bookkeeping: the GL
// objects the driver says are alive, and the resident memory the kernel counts. A leak
// in a cache's accounting cannot hide from these.

namespace kiosk::platform {

struct GlObjectCounts {
  long textures = 0, buffers = 0, vertex_arrays = 0, framebuffers = 0;
  // What the 2D textures' levels hold, by their sizes and formats as the driver reports
  // them: with software GL, process memory that no cache's own count can leave out.
  long texture_bytes = 0;
};

// Asks GL about every name it may have handed out. Costs a few milliseconds: for
// reports, not for every frame. Needs the current context.
GlObjectCounts count_gl_objects();

// Resident set size in KiB (/proc/self/statm); -1 if unreadable.
long resident_kib();
// Memory the program holds from malloc, in KiB: unlike the resident size, it leaves out
// memory freed but kept by the allocator, which tells a leak from fragmentation.
long heap_in_use_kib();

}  // namespace kiosk::platform
