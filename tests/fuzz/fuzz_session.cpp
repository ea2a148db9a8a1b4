// Fuzz target: session files (persist/session.h). As for checkpoints: the input as it is and
// with matching checksums; each either opens into runs whose data sets and models fit together
// or is refused with a DataError naming the file.
#include "core/errors.h"
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/session.h"

using namespace rnr;
using namespace rnr::fuzz;

namespace {
void check(std::string_view bytes)
{
    const std::string path = scratch().write("session.rnrsession", bytes);
    try {
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
    } catch (const DataError& error) {
        require(error.file() == path && error.line() == 0 && !error.cause().empty(),
                std::string("a session refused without naming the file: ") + error.what());
    } catch (const std::exception& other) {
        violated(std::string("a session threw something other than a DataError: ") + other.what());
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
