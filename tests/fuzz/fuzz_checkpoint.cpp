// Fuzz target: checkpoints (persist/checkpoint.h). The input is read as it is and with its size
// field and checksums made to match (checkContainerInput); each either opens into a usable model
// or is refused with a DataError naming the file.
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/checkpoint.h"

using namespace rnr;
using namespace rnr::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    checkContainerInput(data, size, "model.rnrmodel", "checkpoint", [](const std::string& path) {
        const Checkpoint checkpoint = loadCheckpoint(path);
        require(checkpoint.model != nullptr, "a checkpoint opened without a model");
        const Model& model = *checkpoint.model;
        require(checkpoint.userIds.size() == model.userCount() && checkpoint.itemIds.size() == model.itemCount(),
                "a checkpoint whose ids do not match its model");
        require(checkpoint.itemTitles.empty() || checkpoint.itemTitles.size() == model.itemCount(),
                "a checkpoint whose titles do not match its model");
        exerciseModel(model);
    });
    return 0;
}
