// Fuzz target: checkpoints (persist/checkpoint.h). The input is written as a file twice, as it
// is and with its size field and checksums made to match (so changes reach the sections behind
// them); each either opens into a usable model or is refused with a DataError naming the file.
#include "core/errors.h"
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/checkpoint.h"

using namespace rnr;
using namespace rnr::fuzz;

namespace {
void check(std::string_view bytes)
{
    const std::string path = scratch().write("model.rnrmodel", bytes);
    try {
        const Checkpoint checkpoint = loadCheckpoint(path);
        require(checkpoint.model != nullptr, "a checkpoint opened without a model");
        const Model& model = *checkpoint.model;
        require(checkpoint.userIds.size() == model.userCount() && checkpoint.itemIds.size() == model.itemCount(),
                "a checkpoint whose ids do not match its model");
        require(checkpoint.itemTitles.empty() || checkpoint.itemTitles.size() == model.itemCount(),
                "a checkpoint whose titles do not match its model");
        exerciseModel(model);
    } catch (const DataError& error) {
        require(error.file() == path && error.line() == 0 && !error.cause().empty(),
                std::string("a checkpoint refused without naming the file: ") + error.what());
    } catch (const std::exception& other) {
        violated(std::string("a checkpoint threw something other than a DataError: ") + other.what());
    }
}
} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    check(input);
    check(withValidChecksums(input));
    return 0;
}
