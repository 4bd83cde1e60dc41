#pragma once
// Each item's body is its own: the report's sentences that belong to that item, not a
// paragraph several items repeat, and more than the quote it stands on.

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

// Items whose Chinese body another item has too, or that is the item's quote again (its
// full stop aside), named with the file and line of the body.
Diagnostics check_bodies(const Sources& sources);

}  // namespace kiosk::authoring
