// Writes the binary seeds of the checkpoint, session and run-file targets with the engine's own
// writers: `fuzz_seed_writer <corpus folder>` fills <corpus>/checkpoint, session and runfile.
// The committed seeds were made with it; rerun it when a format changes (docs/testing.md).
#include "persist/checkpoint.h"
#include "persist/runfile.h"
#include "persist/session.h"
#include "seeddata.h"
#include "train/experiment.h"

#include <cstdio>
#include <exception>
#include <filesystem>
#include <memory>

using namespace rnr;

namespace {

RunResult train(const Dataset& data, const char* model)
{
    HyperParams hp;
    hp.dim = 2;
    hp.epochs = 1;
    hp.alpha = 0.8;
    return runExperiment(data, makeSplit(data, SplitConfig{}), parseModelSpec(model), hp);
}

std::string fileName(std::string model)
{
    for (char& c : model)
        if (c == ':' || c == '+')
            c = '-';
    return model;
}

} // namespace

int main(int argc, char** argv)
{
    if (argc != 2) {
        std::fprintf(stderr, "usage: fuzz_seed_writer <corpus folder>\n");
        return 2;
    }
    namespace fs = std::filesystem;
    const fs::path root = argv[1];
    try {
        for (const char* folder : {"checkpoint", "session", "runfile"})
            fs::create_directories(root / folder);
        const auto data = std::make_shared<const Dataset>(fuzz::seedDataset());
        Session session;
        session.dataset = data;
        session.spec = parseModelSpec("rnr:bpr+svd");
        for (const char* model : {"bpr", "svd", "rnr:bpr+svd", "rnr:cdae+svd++", "vanilla:wrmf+svd", "mmoe:bpr+svd",
                                  "ple:bpr+svd", "esmm:bpr", "pairwise:bpr"}) {
            RunResult run = train(*data, model);
            saveCheckpoint(makeCheckpoint(run.model, *data),
                           (root / "checkpoint" / (fileName(model) + ".rnrmodel")).string());
            saveRunFile(run, *data, fileName(model), (root / "runfile" / (fileName(model) + ".rnrrun")).string());
            if (session.runs.size() < 2) {
                SessionRun entry;
                entry.name = model;
                entry.data = data;
                entry.outcome.model = run.model;
                run.model.reset();
                entry.outcome.result = std::move(run);
                session.runs.push_back(std::move(entry));
            }
        }
        saveSession(session, (root / "session" / "two-runs.rnrsession").string());
        Session empty;
        empty.dataset = data;
        empty.spec = parseModelSpec("bpr");
        saveSession(empty, (root / "session" / "data-only.rnrsession").string());
    } catch (const std::exception& error) {
        std::fprintf(stderr, "fuzz_seed_writer: %s\n", error.what());
        return 1;
    }
    return 0;
}
