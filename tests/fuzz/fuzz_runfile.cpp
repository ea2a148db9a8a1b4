// Fuzz target: the run files of a planned comparison (persist/runfile.h), read against the data
// set the seeds were trained on (seedwriter.cpp). As for checkpoints: the input as it is and with
// matching checksums; each either opens into a run and a model that fit the data set or is
// refused with a DataError naming the file.
#include "fuzzinput.h"
#include "modelproperties.h"
#include "persist/runfile.h"
#include "seeddata.h"

using namespace rnr;
using namespace rnr::fuzz;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size)
{
    static const Dataset seeds = seedDataset();
    static const std::uint64_t fingerprint = seeds.fingerprint();
    checkContainerInput(data, size, "job.rnrrun", "run file", [](const std::string& path) {
        const RunFile run = loadRunFile(path, seeds, fingerprint);
        require(run.model != nullptr, "a run file opened without a model");
        require(run.model->userCount() == seeds.userCount() && run.model->itemCount() == seeds.itemCount(),
                "a run file's model does not fit the data set");
        exerciseModel(*run.model);
    });
    return 0;
}
