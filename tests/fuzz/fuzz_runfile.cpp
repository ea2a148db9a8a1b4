// Fuzz target: the run files of a planned comparison (persist/runfile.h), read against the data
// set the seeds were trained on (seedwriter.cpp). As for checkpoints: the input as it is and with
// matching checksums; each either opens into a run and a model that fit the data set or is
// refused with a DataError naming the file.
#include "core/errors.h"
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/runfile.h"
#include "seeddata.h"

using namespace rnr;
using namespace rnr::fuzz;

namespace {
void check(std::string_view bytes)
{
    static const Dataset data = seedDataset();
    static const std::uint64_t fingerprint = data.fingerprint();
    const std::string path = scratch().write("job.rnrrun", bytes);
    try {
        const RunFile run = loadRunFile(path, data, fingerprint);
        require(run.model != nullptr, "a run file opened without a model");
        require(run.model->userCount() == data.userCount() && run.model->itemCount() == data.itemCount(),
                "a run file's model does not fit the data set");
        exerciseModel(*run.model);
    } catch (const DataError& error) {
        require(error.file() == path && error.line() == 0 && !error.cause().empty(),
                std::string("a run file refused without naming the file: ") + error.what());
    } catch (const std::exception& other) {
        violated(std::string("a run file threw something other than a DataError: ") + other.what());
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
