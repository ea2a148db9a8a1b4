// Session file: the engine's container (persist/binaryio.h) with magic "RNRSESS\n" and sections
//   "VIEW" the data set shown (see writeDataset) and its load report
//   "SETS" the experiment settings: model name, hyper-parameters, split users and seed, seeds, grid
//   "TIES" the split's tie rule (files without it: file-order, the one rule there was)
//   "DATA" one per data set that runs were trained on, in order (runs refer to them by index)
//   "RUN " one per run: name, data set index, the run's result (persist/detail/runrecord.h), then
//          sections of its own: "BTCH" the per-batch reports (optional), the result's sections
//          ("PLAY", "LIKE", "LKHD", "SPLT"), "CKPT" the model's checkpoint sections (persist/checkpoint.h)
// Readers skip sections they do not know.
#include "persist/session.h"

#include "core/errors.h"
#include "persist/binaryio.h"
#include "persist/checkpoint.h"
#include "persist/detail/runrecord.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <map>

namespace rnr {

using namespace detail;

namespace {

const ContainerFormat kFormat{{'R', 'N', 'R', 'S', 'E', 'S', 'S', '\n'}, kSessionVersion, "session"};

// ---- writing -------------------------------------------------------------------------------

void writeDataset(BinaryWriter& out, const Dataset& d)
{
    out.string(d.name);
    out.string(d.source);
    out.u64(d.interactions.size());
    for (const Interaction& i : d.interactions) {
        out.i64(i.timestamp);
        out.u32(i.user);
        out.u32(i.item);
        out.u32(i.row);
        out.f32(i.rating);
    }
    out.strings(d.userIds);
    out.strings(d.itemIds);
    out.strings(d.itemTitles);
    out.strings(d.genreNames);
    out.u64(d.itemGenres.size());
    for (const auto& genres : d.itemGenres)
        out.u32s(genres);
    out.f32(d.scale.min);
    out.f32(d.scale.max);
    out.f32(d.scale.step);
    out.boolean(d.hasTimestamps);
    out.f32s(d.trueDeviation);
}

void writeReport(BinaryWriter& out, const LoadReport& r)
{
    out.string(r.file);
    out.u32(static_cast<std::uint32_t>(r.format));
    out.u64(r.rowsRead);
    out.u64(r.rowsKept);
    out.u32(static_cast<std::uint32_t>(r.problems.size()));
    for (const ProblemTally& t : r.problems) {
        out.u64(t.count);
        out.u64s(t.firstLines);
        out.string(t.firstMessage);
    }
    out.strings(r.notes);
}

void writeBatches(BinaryWriter& out, const std::vector<BatchProgress>& batches)
{
    out.u64(batches.size());
    for (const BatchProgress& p : batches) {
        out.u32(p.epoch);
        out.u64(p.tuplesDone);
        out.u64(p.tuplesTotal);
        for (const double v : {p.rankingLoss, p.ratingLoss, p.regularisation, p.objective, p.samplesPerSecond})
            out.f64(v);
    }
}

// ---- reading -------------------------------------------------------------------------------

std::vector<BatchProgress> readBatches(BinaryReader& in)
{
    std::vector<BatchProgress> batches(static_cast<std::size_t>(in.count(60)));
    for (BatchProgress& p : batches) {
        p.epoch = in.u32();
        p.tuplesDone = static_cast<std::size_t>(in.u64());
        p.tuplesTotal = static_cast<std::size_t>(in.u64());
        for (double* v : {&p.rankingLoss, &p.ratingLoss, &p.regularisation, &p.objective, &p.samplesPerSecond})
            *v = in.f64();
    }
    return batches;
}

Dataset readDataset(BinaryReader& in)
{
    Dataset d;
    d.name = in.string();
    d.source = in.string();
    d.interactions.resize(static_cast<std::size_t>(in.count(24)));
    for (Interaction& i : d.interactions) {
        i.timestamp = in.i64();
        i.user = in.u32();
        i.item = in.u32();
        i.row = in.u32();
        i.rating = in.f32();
    }
    d.userIds = in.strings();
    d.itemIds = in.strings();
    d.itemTitles = in.strings();
    d.genreNames = in.strings();
    d.itemGenres.resize(static_cast<std::size_t>(in.count(8)));
    for (auto& genres : d.itemGenres)
        genres = in.u32s();
    d.scale.min = in.f32();
    d.scale.max = in.f32();
    d.scale.step = in.f32();
    d.hasTimestamps = in.boolean();
    d.trueDeviation = in.f32s();
    // The checksum proves the file is as written, not that it was written by this program.
    if (const std::string problem = datasetProblem(d); !problem.empty())
        in.fail("the data set in the session does not fit together: " + problem);
    return d;
}

LoadReport readReport(BinaryReader& in)
{
    LoadReport r;
    r.file = in.string();
    const std::uint32_t format = in.u32();
    if (format > static_cast<std::uint32_t>(Format::GenericCsv))
        in.inconsistent();
    r.format = static_cast<Format>(format);
    r.rowsRead = in.u64();
    r.rowsKept = in.u64();
    const std::uint32_t kinds = in.u32();
    in.need(kinds, 20);
    for (std::uint32_t k = 0; k < kinds; ++k) {
        ProblemTally t;
        t.count = in.u64();
        t.firstLines = in.u64s();
        t.firstMessage = in.string();
        if (k < r.problems.size()) // kinds of problem a later version counts are dropped
            r.problems[k] = std::move(t);
    }
    r.notes = in.strings();
    return r;
}

SessionRun readRun(BinaryReader& in, const std::vector<std::shared_ptr<const Dataset>>& datasets)
{
    SessionRun run;
    run.name = in.string();
    const std::uint32_t data = in.u32();
    if (data >= datasets.size())
        in.fail("a run refers to a data set the session does not have");
    run.data = datasets[data];
    run.outcome.result = readResult(in);
    Checkpoint checkpoint;
    bool haveModel = false, haveLikes = false;
    while (!in.atEnd()) {
        const std::string tag = in.beginSection();
        if (tag == "CKPT" && !haveModel) {
            haveModel = true;
            try {
                checkpoint = readCheckpoint(in);
            } catch (const DataError& e) {
                in.fail("a model in the session is damaged (" + e.cause() + ")");
            }
        } else if (tag == "BTCH") {
            run.batches = readBatches(in);
        } else if (!readResultSection(in, tag, run.outcome.result, haveLikes)) {
            in.skipSection();
            continue;
        }
        in.endSection();
    }
    if (!haveModel)
        in.fail("a run of the session has no model: the file is damaged");
    if (checkpoint.datasetFingerprint != run.data->fingerprint())
        in.fail("a model does not belong to the data set stored with it");
    run.outcome.model = checkpoint.model;
    run.outcome.datasetFingerprint = checkpoint.datasetFingerprint; // equal to the data set's: checked above
    if (!haveLikes)
        deriveLikes(run.outcome.result, run.data->scale);
    if (!runFits(run.outcome.result, *run.outcome.model, *run.data))
        in.fail("a run does not fit the data set stored with it");
    return run;
}

/// The first session format was the desktop application's own (a Qt data stream: a big-endian
/// version 1 after the same magic). Refused with what it is rather than as "newer".
void refuseRetiredFormat(const std::string& path)
{
    std::ifstream in(path, std::ios::binary);
    std::array<char, 12> head{};
    if (!in.read(head.data(), head.size()))
        return;
    const std::array<char, 4> retired{0, 0, 0, 1};
    if (std::memcmp(head.data(), kFormat.magic.data(), 8) == 0 && std::memcmp(head.data() + 8, retired.data(), 4) == 0)
        throw DataError(path, 0,
                        "this session was written in format 1 by RnR Explorer 0.1, which this version no longer "
                        "reads; the data set can still be opened from its original file");
}

} // namespace

void saveSession(const Session& session, const std::string& path, const SessionProgress& progress)
{
    // The data sets the runs were trained on, each stored once.
    std::vector<const Dataset*> datasets;
    std::map<const Dataset*, std::uint32_t> index;
    std::vector<Checkpoint> models;
    if (!session.dataset)
        throw UsageError("a session without its data set");
    for (const SessionRun& run : session.runs) {
        if (!run.data || !run.outcome.model)
            throw UsageError("a session run without its data or model");
        if (index.emplace(run.data.get(), static_cast<std::uint32_t>(datasets.size())).second)
            datasets.push_back(run.data.get());
        models.push_back(makeCheckpoint(run.outcome.model, *run.data));
    }
    writeContainer(
        path, kFormat,
        [&](BinaryWriter& out) {
            out.section("VIEW", [&](BinaryWriter& s) {
                writeDataset(s, *session.dataset);
                writeReport(s, session.report);
            });
            out.section("SETS", [&](BinaryWriter& s) {
                s.string(session.spec.name());
                writeHyperParams(s, session.hp);
                s.u32(session.split.users);
                s.u64(session.split.seed);
                s.u32(static_cast<std::uint32_t>(std::max(session.seeds, 1)));
                s.boolean(session.grid);
            });
            out.section("TIES", [&](BinaryWriter& s) { s.string(std::string(tieRuleKey(session.split.ties))); });
            for (const Dataset* d : datasets)
                out.section("DATA", [&](BinaryWriter& s) { writeDataset(s, *d); });
            for (std::size_t r = 0; r < session.runs.size(); ++r) {
                const SessionRun& run = session.runs[r];
                out.section("RUN ", [&](BinaryWriter& s) {
                    s.string(run.name);
                    s.u32(index.at(run.data.get()));
                    writeResult(s, run.outcome.result);
                    s.section("BTCH", [&](BinaryWriter& b) { writeBatches(b, run.batches); });
                    writeResultSections(s, run.outcome.result);
                    s.section("CKPT", [&](BinaryWriter& c) { writeCheckpoint(c, models[r]); });
                });
            }
        },
        progress);
}

Session loadSession(const std::string& path, const SessionProgress& progress)
{
    refuseRetiredFormat(path);
    Session session;
    readContainer(
        path, kFormat,
        [&](BinaryReader& in, std::uint32_t) {
            bool haveView = false, haveSettings = false, haveTies = false;
            session.split.ties = TieRule::FileOrder;
            std::vector<std::shared_ptr<const Dataset>> datasets;
            while (!in.atEnd()) {
                const std::string tag = in.beginSection();
                if (tag == "VIEW" && !haveView) {
                    haveView = true;
                    session.dataset = std::make_shared<const Dataset>(readDataset(in));
                    session.report = readReport(in);
                } else if (tag == "SETS" && !haveSettings) {
                    haveSettings = true;
                    session.spec = readSpec(in);
                    session.hp = readHyperParams(in);
                    session.split.users = in.u32();
                    session.split.seed = in.u64();
                    const std::uint32_t seeds = in.u32();
                    if (seeds == 0 || seeds > 1000000)
                        in.inconsistent();
                    session.seeds = static_cast<int>(seeds);
                    session.grid = in.boolean();
                } else if (tag == "TIES" && !haveTies) {
                    haveTies = true;
                    const auto ties = parseTieRule(in.string());
                    if (!ties)
                        in.inconsistent();
                    session.split.ties = *ties;
                } else if (tag == "DATA") {
                    datasets.push_back(std::make_shared<const Dataset>(readDataset(in)));
                } else if (tag == "RUN ") {
                    session.runs.push_back(readRun(in, datasets));
                } else if (tag == "VIEW" || tag == "SETS" || tag == "TIES") {
                    in.fail("the session has two \"" + tag + "\" sections: the file is damaged");
                } else {
                    in.skipSection(); // a section of a later revision of this version: not needed
                    continue;
                }
                in.endSection();
            }
            if (!haveView || !haveSettings)
                in.fail("the session lacks its data set or its settings: the file is damaged");
        },
        progress);
    return session;
}

} // namespace rnr
