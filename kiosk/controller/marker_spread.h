#pragma once
// The map's numbered markers laid out so that none covers another: landmarks a street
// apart (the Wudadao villas, the park, the festival) would otherwise stack into one
// unreadable disc. Each marker moves as little as it must away from its true place; the
// map view draws a leader line from the place to a marker that moved.

#include <vector>

#include "kiosk/controller/action.h"

namespace kiosk::controller {

// Centres for round markers of `radius` (at least `gap` apart, edge to edge) as near
// their points `at` as that allows, inside `bounds` (each disc whole). Points at the
// same place part in a fixed direction, so a bundle always lays out the same. Where
// there is not room for them all, they overlap as little as the passes could manage.
std::vector<Point> spread_markers(const std::vector<Point>& at, float radius, float gap, HitRect bounds);

// Whether any two markers of `radius` at `centres` are closer than `gap` edge to edge.
bool markers_overlap(const std::vector<Point>& centres, float radius, float gap);

}  // namespace kiosk::controller
