#pragma once
// A PNG's image data may inflate to no more than its header gives room for. stb_image
// inflates all of it into one growing buffer before it compares sizes, so a 1 MB file
// that claims 256x256 but inflates to 1 GB makes it allocate 1 GB; the data is inflated
// here first, in a small buffer that is thrown away, and such a file is refused.

#include <cstdint>
#include <string>
#include <vector>

namespace kiosk::content {

// The bytes a PNG's inflated image data holds for the given header: each row's filter
// byte and packed pixels, over the seven Adam7 passes when interlaced. 0 for a header
// stb refuses itself (a colour type or bit depth it does not know).
uint64_t png_inflated_size(uint32_t width, uint32_t height, int bit_depth, int colour_type, bool interlaced);

// Inflates the IDAT data of a PNG whose chunks were already checked to lie within the
// file, and returns what is wrong with it (as "corrupt PNG: ..."), or "": it inflates beyond the size its header
// gives, is not a valid zlib stream, or ends short. Headers stb refuses itself are left to it.
std::string png_image_data_problem(const std::vector<uint8_t>& png);

}  // namespace kiosk::content
