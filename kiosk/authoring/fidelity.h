#pragma once
// `kioskctl build`'s proof that the sources keep to their source document
// (content/fidelity.h has the rules): one diagnostic per violation, naming the file, the
// line, the item and the source's nearest passage. The builder writes no bundle while any
// remains.

#include "kiosk/authoring/diagnostic.h"
#include "kiosk/authoring/sources.h"

namespace kiosk::authoring {

Diagnostics check_fidelity(const Sources& sources);

}  // namespace kiosk::authoring
