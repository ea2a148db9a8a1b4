// Fuzz target: MovieLens 100K (u.data, with u.item and u.genre beside it). The input is the
// ratings file, optionally followed by a line "--8<--" and u.item, and another such line and u.genre
// (fuzzinput.h).
#include "loadproperties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    rnr::fuzz::checkFolderInput(std::string_view(reinterpret_cast<const char*>(data), size), rnr::Format::MovieLens100K,
                                {"u.data", "u.item", "u.genre"});
    return 0;
}
