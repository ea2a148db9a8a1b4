// Fuzz target: session files (persist/session.h). As for checkpoints: the input as it is and
// with matching checksums; each either opens into runs whose data sets and models fit together
// or is refused with a DataError naming the file.
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/session.h"

using namespace rnr;
using namespace rnr::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    checkContainerInput(data, size, "session.rnrsession", "session", [](const std::string& path) {
        const Session session = loadSession(path);
        require(session.dataset == nullptr || datasetProblem(*session.dataset).empty(),
                "a session's data set does not fit together");
        for (const SessionRun& run : session.runs) {
            require(run.data != nullptr && datasetProblem(*run.data).empty(), "a run's data set does not fit together");
            if (!run.outcome.model)
                continue;
            const Model& model = *run.outcome.model;
            require(model.userCount() == run.data->userCount() && model.itemCount() == run.data->itemCount(),
                    "a run's model does not fit its data set");
            exerciseModel(model);
        }
    });
    return 0;
}
