#include "persist/detail/runrecord.h"

#include "core/errors.h"
#include "eval/like.h"

#include <limits>

namespace rnr::detail {

namespace {

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

} // namespace

void writeHyperParams(BinaryWriter& out, const HyperParams& hp)
{
    const auto pairs = describe(hp);
    out.u64(pairs.size());
    for (const auto& [key, value] : pairs) {
        out.string(key);
        out.string(value);
    }
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
        in.fail("the file holds an unknown model '" + name + "'");
    }
}

RunResult readResult(BinaryReader& in)
{
    RunResult r;
    r.spec = readSpec(in);
    r.hp = readHyperParams(in);
    // Runs of files without a "SPLT" section were split by the one rule there was.
    r.split = SplitConfig{kAllUsers, r.hp.seed, TieRule::FileOrder};
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

bool runFits(const RunResult& r, const Model& model, const Dataset& data)
{
    bool ok = model.userCount() == data.userCount() && model.itemCount() == data.itemCount() &&
              r.bestEpoch <= r.epochs.size() && r.spec == model.spec();
    for (const UserOutcome& o : r.testOutcomes) {
        ok = ok && o.user < data.userCount() && o.item < data.itemCount();
        for (const std::uint32_t item : o.top)
            ok = ok && item < data.itemCount();
    }
    return ok;
}

void writeResultSections(BinaryWriter& out, const RunResult& r)
{
    out.section("PLAY", [&](BinaryWriter& p) { writeInterplay(p, r.epochs); });
    out.section("LIKE", [&](BinaryWriter& l) { writeLikes(l, r); });
    out.section("LKHD", [&](BinaryWriter& l) { writeLikeHead(l, r); });
    out.section("SPLT", [&](BinaryWriter& p) {
        p.u32(r.split.users);
        p.u64(r.split.seed);
        p.string(std::string(tieRuleKey(r.split.ties)));
    });
}

bool readResultSection(BinaryReader& in, const std::string& tag, RunResult& r, bool& haveLikes)
{
    if (tag == "PLAY") {
        readInterplay(in, r.epochs);
    } else if (tag == "LIKE" && !haveLikes) {
        haveLikes = true;
        readLikes(in, r);
    } else if (tag == "LKHD") {
        readLikeHead(in, r);
    } else if (tag == "SPLT") {
        r.split.users = in.u32();
        r.split.seed = in.u64();
        const auto ties = parseTieRule(in.string());
        if (!ties)
            in.inconsistent();
        r.split.ties = *ties;
    } else {
        return false;
    }
    return true;
}

} // namespace rnr::detail
