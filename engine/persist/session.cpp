// Session file: the engine's container (persist/binaryio.h) with magic "RNRSESS\n" and sections
//   "VIEW" the data set shown (see writeDataset) and its load report
//   "SETS" the experiment settings: model name, hyper-parameters, split users and seed, seeds, grid
//   "DATA" one per data set that runs were trained on, in order (runs refer to them by index)
//   "RUN " one per run: name, data set index, the run's result, then sections of its own: "BTCH"
//          the per-batch reports (optional), "PLAY" each epoch's task interplay (multi-task
//          runs; files without it open with none), "LIKE" the like figures of its metrics and
//          test outcomes (files without it derive them: docs/method.md, "Choose, then like"),
//          "LKHD" a like head's log losses and p(like | choose) per test outcome (none without it),
//          "CKPT" the model's checkpoint sections (persist/checkpoint.h)
// Readers skip sections they do not know.
#include "persist/session.h"

#include "core/errors.h"
#include "eval/like.h"
#include "persist/binaryio.h"
#include "persist/checkpoint.h"

#include <algorithm>
#include <array>
#include <cstring>
#include <fstream>
#include <limits>
#include <map>

namespace rnr {

namespace {

const ContainerFormat kFormat{{'R', 'N', 'R', 'S', 'E', 'S', 'S', '\n'}, kSessionVersion, "session"};

// ---- writing -------------------------------------------------------------------------------

void writeHyperParams(BinaryWriter& out, const HyperParams& hp)
{
    const auto pairs = describe(hp);
    out.u64(pairs.size());
    for (const auto& [key, value] : pairs) {
        out.string(key);
        out.string(value);
    }
}

void writeMetrics(BinaryWriter& out, const Metrics& m)
{
    out.f64(m.recall);
    out.f64(m.mrr);
    out.f64(m.ndcg);
    out.f64(m.rmse);
    out.f64(m.mae);
    out.u64(m.users);
    out.u32(m.k);
}

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

void writeResult(BinaryWriter& out, const RunResult& r)
{
    out.string(r.spec.name());
    writeHyperParams(out, r.hp);
    out.u64(r.epochs.size());
    for (const EpochRecord& e : r.epochs) {
        out.u32(e.epoch);
        for (const double v :
             {e.rankingLoss, e.ratingLoss, e.regularisation, e.objective, e.seconds, e.samplesPerSecond})
            out.f64(v);
        out.boolean(e.validation.has_value());
        if (e.validation)
            writeMetrics(out, *e.validation);
    }
    out.u32(r.bestEpoch);
    writeMetrics(out, r.validation);
    writeMetrics(out, r.test);
    out.u64(r.testOutcomes.size());
    for (const UserOutcome& o : r.testOutcomes) {
        out.u32(o.user);
        out.u32(o.item);
        out.f32(o.rating);
        out.f32(o.predicted);
        out.u32(o.rank);
        out.u32s(o.top);
    }
    out.f64(r.trainSeconds);
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

/// Each epoch's task interplay (train/interplay.h), in the order of the run's epochs.
void writeInterplay(BinaryWriter& out, const std::vector<EpochRecord>& epochs)
{
    out.u64(epochs.size());
    for (const EpochRecord& e : epochs) {
        out.boolean(e.interplay.has_value());
        if (!e.interplay)
            continue;
        const Interplay& i = *e.interplay;
        for (const double v : {i.cosineUsers, i.cosineItems, i.conflictShare, i.batchConflictShare, i.normRanking,
                               i.normRating, i.rankingWeight, i.ratingWeight})
            out.f64(v);
        out.u64(i.batches);
        for (const auto& task : i.gates)
            for (const auto& side : task) {
                out.u64(side.size());
                for (const double w : side)
                    out.f64(w);
            }
    }
}

void writeLikeMetrics(BinaryWriter& out, const Metrics& m)
{
    for (const double v : {m.likeRecall, m.likeMrr, m.likeNdcg, m.likeAuc})
        out.f64(v);
    out.u64(m.likeUsers);
}

void readLikeMetrics(BinaryReader& in, Metrics& m)
{
    for (double* v : {&m.likeRecall, &m.likeMrr, &m.likeNdcg, &m.likeAuc})
        *v = in.f64();
    m.likeUsers = static_cast<std::size_t>(in.u64());
}

void writeLikes(BinaryWriter& out, const RunResult& r)
{
    out.u64(r.epochs.size());
    for (const EpochRecord& e : r.epochs) {
        out.boolean(e.validation.has_value());
        if (e.validation)
            writeLikeMetrics(out, *e.validation);
    }
    writeLikeMetrics(out, r.validation);
    writeLikeMetrics(out, r.test);
    out.u64(r.testOutcomes.size());
    for (const UserOutcome& o : r.testOutcomes) {
        out.boolean(o.liked);
        out.u32(o.likeRank);
        out.f32(o.likeScore);
    }
}

void readLikes(BinaryReader& in, RunResult& r)
{
    if (in.count(1) != r.epochs.size())
        in.fail("the like figures of a run do not match its epochs");
    for (EpochRecord& e : r.epochs)
        if (in.boolean() != e.validation.has_value())
            in.fail("the like figures of a run do not match its validations");
        else if (e.validation)
            readLikeMetrics(in, *e.validation);
    readLikeMetrics(in, r.validation);
    readLikeMetrics(in, r.test);
    if (in.count(9) != r.testOutcomes.size())
        in.fail("the like figures of a run do not match its test outcomes");
    for (UserOutcome& o : r.testOutcomes) {
        o.liked = in.boolean();
        o.likeRank = in.u32();
        o.likeScore = in.f32();
    }
}

/// A like head's figures (cascades): each validation's and the test's log loss, and each test
/// outcome's p(like | choose). Files without the section open with none (NaN).
void writeLikeHead(BinaryWriter& out, const RunResult& r)
{
    out.u64(r.epochs.size());
    for (const EpochRecord& e : r.epochs)
        out.f64(e.validation ? e.validation->likeLogLoss : std::numeric_limits<double>::quiet_NaN());
    out.f64(r.validation.likeLogLoss);
    out.f64(r.test.likeLogLoss);
    out.u64(r.testOutcomes.size());
    for (const UserOutcome& o : r.testOutcomes)
        out.f32(o.likeGivenChoice);
}

void readLikeHead(BinaryReader& in, RunResult& r)
{
    if (in.count(8) != r.epochs.size())
        in.fail("the like head's figures of a run do not match its epochs");
    for (EpochRecord& e : r.epochs) {
        const double loss = in.f64();
        if (e.validation)
            e.validation->likeLogLoss = loss;
    }
    r.validation.likeLogLoss = in.f64();
    r.test.likeLogLoss = in.f64();
    if (in.count(4) != r.testOutcomes.size())
        in.fail("the like head's figures of a run do not match its test outcomes");
    for (UserOutcome& o : r.testOutcomes)
        o.likeGivenChoice = in.f32();
}

/// A run from a file without like figures: the outcomes' like labels from the run's threshold, the
/// choice ranking as the like ranking, the prediction as the like score (the choice score was not
/// kept), the test figures recomputed from them; the validations' are unknown.
void deriveLikes(RunResult& r, const RatingScale& scale)
{
    const float threshold = likeThreshold(r.hp, scale);
    for (UserOutcome& o : r.testOutcomes) {
        o.liked = isLike(o.rating, threshold);
        o.likeRank = o.rank;
        o.likeScore = o.predicted;
    }
    copyLikeFigures(computeMetrics(r.testOutcomes, r.test.k), r.test);
    Metrics unknown;
    unknown.likeRecall = unknown.likeMrr = unknown.likeNdcg = unknown.likeAuc =
        std::numeric_limits<double>::quiet_NaN();
    copyLikeFigures(unknown, r.validation);
    for (EpochRecord& e : r.epochs)
        if (e.validation)
            copyLikeFigures(unknown, *e.validation);
}

void readInterplay(BinaryReader& in, std::vector<EpochRecord>& epochs)
{
    if (in.count(1) != epochs.size())
        in.fail("the task interplay of a run does not match its epochs");
    for (EpochRecord& e : epochs) {
        if (!in.boolean())
            continue;
        Interplay i;
        for (double* v : {&i.cosineUsers, &i.cosineItems, &i.conflictShare, &i.batchConflictShare, &i.normRanking,
                          &i.normRating, &i.rankingWeight, &i.ratingWeight})
            *v = in.f64();
        i.batches = static_cast<std::size_t>(in.u64());
        for (auto& task : i.gates)
            for (auto& side : task) {
                side.resize(static_cast<std::size_t>(in.count(8)));
                for (double& w : side)
                    w = in.f64();
            }
        for (const auto& task : i.gates) // every task and side weighs the same experts
            for (const auto& side : task)
                if (side.size() != i.gates[0][0].size())
                    in.fail("the gate weights of a run do not fit together");
        e.interplay = std::move(i);
    }
}

HyperParams readHyperParams(BinaryReader& in)
{
    HyperParams hp;
    for (std::uint64_t n = in.count(8); n > 0; --n) {
        const std::string key = in.string(), text = in.string();
        if (const HyperParamInfo* info = findHyperParam(key)) // unknown keys of other versions are ignored
            if (const std::string error = info->set(hp, text); !error.empty())
                in.fail("hyper-parameter " + key + ": " + error);
    }
    return hp;
}

ModelSpec readSpec(BinaryReader& in)
{
    const std::string name = in.string();
    try {
        return parseModelSpec(name);
    } catch (const UsageError&) {
        in.fail("the session holds an unknown model '" + name + "'");
    }
}

Metrics readMetrics(BinaryReader& in)
{
    Metrics m;
    m.recall = in.f64();
    m.mrr = in.f64();
    m.ndcg = in.f64();
    m.rmse = in.f64();
    m.mae = in.f64();
    m.users = static_cast<std::size_t>(in.u64());
    m.k = in.u32();
    return m;
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

RunResult readResult(BinaryReader& in)
{
    RunResult r;
    r.spec = readSpec(in);
    r.hp = readHyperParams(in);
    r.epochs.resize(static_cast<std::size_t>(in.count(53)));
    for (EpochRecord& e : r.epochs) {
        e.epoch = in.u32();
        for (double* v :
             {&e.rankingLoss, &e.ratingLoss, &e.regularisation, &e.objective, &e.seconds, &e.samplesPerSecond})
            *v = in.f64();
        if (in.boolean())
            e.validation = readMetrics(in);
    }
    r.bestEpoch = in.u32();
    r.validation = readMetrics(in);
    r.test = readMetrics(in);
    r.testOutcomes.resize(static_cast<std::size_t>(in.count(28)));
    for (UserOutcome& o : r.testOutcomes) {
        o.user = in.u32();
        o.item = in.u32();
        o.rating = in.f32();
        o.predicted = in.f32();
        o.rank = in.u32();
        o.top = in.u32s();
    }
    r.trainSeconds = in.f64();
    return r;
}

/// A run's model and outcomes must index into its data set.
void checkRun(BinaryReader& in, const SessionRun& run)
{
    const Dataset& data = *run.data;
    const Model& model = *run.outcome.model;
    const RunResult& result = run.outcome.result;
    bool ok = model.userCount() == data.userCount() && model.itemCount() == data.itemCount() &&
              result.bestEpoch <= result.epochs.size() && result.spec == model.spec();
    for (const UserOutcome& o : result.testOutcomes) {
        ok = ok && o.user < data.userCount() && o.item < data.itemCount();
        for (const std::uint32_t item : o.top)
            ok = ok && item < data.itemCount();
    }
    if (!ok)
        in.fail("a run does not fit the data set stored with it");
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
        } else if (tag == "PLAY") {
            readInterplay(in, run.outcome.result.epochs);
        } else if (tag == "LIKE" && !haveLikes) {
            haveLikes = true;
            readLikes(in, run.outcome.result);
        } else if (tag == "LKHD") {
            readLikeHead(in, run.outcome.result);
        } else {
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
    if (!haveLikes)
        deriveLikes(run.outcome.result, run.data->scale);
    checkRun(in, run);
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
            for (const Dataset* d : datasets)
                out.section("DATA", [&](BinaryWriter& s) { writeDataset(s, *d); });
            for (std::size_t r = 0; r < session.runs.size(); ++r) {
                const SessionRun& run = session.runs[r];
                out.section("RUN ", [&](BinaryWriter& s) {
                    s.string(run.name);
                    s.u32(index.at(run.data.get()));
                    writeResult(s, run.outcome.result);
                    s.section("BTCH", [&](BinaryWriter& b) { writeBatches(b, run.batches); });
                    s.section("PLAY", [&](BinaryWriter& p) { writeInterplay(p, run.outcome.result.epochs); });
                    s.section("LIKE", [&](BinaryWriter& l) { writeLikes(l, run.outcome.result); });
                    s.section("LKHD", [&](BinaryWriter& l) { writeLikeHead(l, run.outcome.result); });
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
            bool haveView = false, haveSettings = false;
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
                } else if (tag == "DATA") {
                    datasets.push_back(std::make_shared<const Dataset>(readDataset(in)));
                } else if (tag == "RUN ") {
                    session.runs.push_back(readRun(in, datasets));
                } else if (tag == "VIEW" || tag == "SETS") {
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
