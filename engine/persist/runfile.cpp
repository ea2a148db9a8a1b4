#include "persist/runfile.h"

#include "core/errors.h"
#include "persist/binaryio.h"
#include "persist/checkpoint.h"
#include "persist/detail/runrecord.h"

namespace rnr {

namespace {

const ContainerFormat kFormat{{'R', 'N', 'R', 'R', 'U', 'N', 'F', '\n'}, kRunFileVersion, "run file"};

} // namespace

void saveRunFile(const RunResult& run, const Dataset& data, const std::string& job, const std::string& path)
{
    const Checkpoint checkpoint = makeCheckpoint(run.model, data);
    writeContainer(path, kFormat, [&](BinaryWriter& out) {
        out.section("JOB ", [&](BinaryWriter& s) {
            s.string(job);
            s.u64(checkpoint.datasetFingerprint);
        });
        out.section("RSLT", [&](BinaryWriter& s) {
            detail::writeResult(s, run);
            detail::writeResultSections(s, run);
        });
        out.section("CKPT", [&](BinaryWriter& s) { writeCheckpoint(s, checkpoint); });
    });
}

RunFile loadRunFile(const std::string& path, const Dataset& data, std::uint64_t dataFingerprint)
{
    RunFile file;
    readContainer(path, kFormat, [&](BinaryReader& in, std::uint32_t) {
        bool haveJob = false, haveResult = false, haveModel = false, haveLikes = false;
        std::uint64_t fingerprint = 0;
        while (!in.atEnd()) {
            const std::string tag = in.beginSection();
            if (tag == "JOB " && !haveJob) {
                haveJob = true;
                file.job = in.string();
                fingerprint = in.u64();
            } else if (tag == "RSLT" && !haveResult) {
                haveResult = true;
                file.result = detail::readResult(in);
                while (!in.atEnd()) {
                    const std::string inner = in.beginSection();
                    if (!detail::readResultSection(in, inner, file.result, haveLikes)) {
                        in.skipSection();
                        continue;
                    }
                    in.endSection();
                }
            } else if (tag == "CKPT" && !haveModel) {
                haveModel = true;
                try {
                    file.model = readCheckpoint(in).model;
                } catch (const DataError& e) {
                    in.fail("its model is damaged (" + e.cause() + ")");
                }
            } else {
                in.skipSection();
                continue;
            }
            in.endSection();
        }
        if (!haveJob || !haveResult || !haveModel)
            in.fail("the run file lacks its job, its result or its model: the file is damaged");
        if (fingerprint != dataFingerprint)
            in.fail("the run was trained on another data set than the one loaded (" + data.name + ")");
        if (!haveLikes)
            detail::deriveLikes(file.result, data.scale);
        if (!detail::runFits(file.result, *file.model, data))
            in.fail("the run does not fit the data set loaded (" + data.name + ")");
    });
    return file;
}

} // namespace rnr
