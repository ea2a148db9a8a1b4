// Fuzz target: MovieLens latest (ratings.csv, with movies.csv beside it). The input is the
// ratings file, optionally followed by a line "--8<--" and the metadata file (fuzzinput.h).
#include "loadproperties.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    rnr::fuzz::checkFolderInput(std::string_view(reinterpret_cast<const char*>(data), size), rnr::Format::MovieLensCsv,
                                {"ratings.csv", "movies.csv"});
    return 0;
}
