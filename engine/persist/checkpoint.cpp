// Checkpoint file: the engine's container (persist/binaryio.h) with magic "RNRCKPT\0" and these
// sections, in this order (readers skip unknown tags):
//   "MODL" string model name; u64 n; n x (string key, string value) hyper-parameters
//   "DATA" u64 fingerprint; string data set name; f32 scale min, max, step
//   "IDS " string list user ids; string list item ids; string list item titles
//   "HIST" u32 item count; u32 list offsets; u32 list items (the training history CSR)
//   "PARM" f32 mu; u32 n; n x (string block name, matrix)
// Sessions embed the same sections for each model (persist/session.cpp).
#include "persist/checkpoint.h"

#include "core/errors.h"
#include "persist/binaryio.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>

namespace rnr {

namespace {

const ContainerFormat kFormat{{'R', 'N', 'R', 'C', 'K', 'P', 'T', '\0'}, kCheckpointVersion, "checkpoint"};

void writeBody(BinaryWriter& sink, const Checkpoint& c)
{
    sink.section("MODL", [&](BinaryWriter& s) {
        s.string(c.spec.name());
        const auto pairs = describe(c.hp);
        s.u64(pairs.size());
        for (const auto& [key, value] : pairs) {
            s.string(key);
            s.string(value);
        }
    });
    sink.section("DATA", [&](BinaryWriter& s) {
        s.u64(c.datasetFingerprint);
        s.string(c.datasetName);
        s.f32(c.scale.min);
        s.f32(c.scale.max);
        s.f32(c.scale.step);
    });
    sink.section("IDS ", [&](BinaryWriter& s) {
        s.strings(c.userIds);
        s.strings(c.itemIds);
        s.strings(c.itemTitles);
    });
    sink.section("HIST", [&](BinaryWriter& s) {
        const UserItems& history = c.model->history();
        s.u32(history.itemCount);
        s.u32s(history.offsets);
        s.u32s(history.items);
    });
    sink.section("PARM", [&](BinaryWriter& s) {
        const Params<float>& params = c.model->params();
        s.f32(params.mu);
        s.u32(static_cast<std::uint32_t>(kBlockCount));
        for (int b = 0; b < kBlockCount; ++b) {
            const RowMatrix<float>& block = params.blocks[b];
            s.string(std::string(blockName(static_cast<Block>(b))));
            s.matrix(block);
        }
    });
}

void checkSavable(const Checkpoint& c)
{
    if (!c.model)
        throw UsageError("the checkpoint has no model");
    const Model& model = *c.model;
    if (c.spec != model.spec())
        throw UsageError("the checkpoint's model name does not match its model");
    if (c.hp.dim != model.hyperParams().dim || c.hp.activation != model.hyperParams().activation)
        throw UsageError("the checkpoint's hyper-parameters do not match its model");
    if (c.userIds.size() != model.userCount() || c.itemIds.size() != model.itemCount())
        throw UsageError("the checkpoint's user and item ids do not match its model");
    if (!c.itemTitles.empty() && c.itemTitles.size() != c.itemIds.size())
        throw UsageError("the checkpoint needs no item titles or one per item");
}

/// What the sections hold, before it is checked and put together.
struct Contents
{
    std::optional<std::string> modelName;
    std::vector<std::pair<std::string, std::string>> hyperParams;
    std::optional<std::uint64_t> fingerprint;
    std::string datasetName;
    RatingScale scale;
    bool haveIds = false;
    std::vector<std::string> userIds, itemIds, itemTitles;
    std::optional<UserItems> history;
    bool haveParams = false;
    float mu = 0.0f;
    std::map<std::string, RowMatrix<float>> blocks;
};

std::string shape(Eigen::Index rows, Eigen::Index cols)
{
    return std::to_string(rows) + "\u00d7" + std::to_string(cols);
}

void readSections(BinaryReader& in, Contents& c)
{
    while (!in.atEnd()) {
        const std::string tag = in.beginSection();
        const std::string name = "\"" + tag + "\"";
        auto once = [&](bool seen) {
            if (seen)
                in.fail("the checkpoint has two " + name + " sections: the file is damaged");
        };
        if (tag == "MODL") {
            once(c.modelName.has_value());
            c.modelName = in.string();
            const std::uint64_t count = in.u64();
            in.need(count, 8);
            for (std::uint64_t i = 0; i < count; ++i) {
                std::string key = in.string();
                std::string value = in.string();
                c.hyperParams.emplace_back(std::move(key), std::move(value));
            }
        } else if (tag == "DATA") {
            once(c.fingerprint.has_value());
            c.fingerprint = in.u64();
            c.datasetName = in.string();
            c.scale.min = in.f32();
            c.scale.max = in.f32();
            c.scale.step = in.f32();
        } else if (tag == "IDS ") {
            once(c.haveIds);
            c.haveIds = true;
            c.userIds = in.strings();
            c.itemIds = in.strings();
            c.itemTitles = in.strings();
        } else if (tag == "HIST") {
            once(c.history.has_value());
            UserItems history;
            history.itemCount = in.u32();
            history.offsets = in.u32s();
            history.items = in.u32s();
            c.history = std::move(history);
        } else if (tag == "PARM") {
            once(c.haveParams);
            c.haveParams = true;
            c.mu = in.f32();
            const std::uint32_t count = in.u32();
            in.need(count, 4 + 16);
            for (std::uint32_t i = 0; i < count; ++i) {
                std::string block = in.string();
                RowMatrix<float> values = in.matrix();
                if (!c.blocks.emplace(std::move(block), std::move(values)).second)
                    in.inconsistent();
            }
        } else {
            in.skipSection(); // a section of a later revision of this version: not needed
            continue;
        }
        in.endSection();
    }
}

/// Checks the history CSR: offsets from 0 to the item count, ascending item ids in range.
bool validHistory(const UserItems& h, std::size_t users, std::size_t items)
{
    if (h.itemCount != items || h.offsets.size() != users + 1 || h.offsets.front() != 0 ||
        h.offsets.back() != h.items.size())
        return false;
    for (std::size_t u = 0; u < users; ++u) {
        if (h.offsets[u] > h.offsets[u + 1])
            return false;
        for (std::uint32_t k = h.offsets[u]; k < h.offsets[u + 1]; ++k)
            if (h.items[k] >= items || (k > h.offsets[u] && h.items[k] <= h.items[k - 1]))
                return false;
    }
    return true;
}

/// The history as buildUserItems() makes it, with whatever look-up structures it adds to the CSR.
UserItems rebuild(const UserItems& stored)
{
    std::vector<Interaction> pairs;
    pairs.reserve(stored.items.size());
    for (std::uint32_t u = 0; u < stored.userCount(); ++u)
        for (const std::uint32_t item : stored.of(u))
            pairs.push_back(Interaction{0, u, item, 0, 0.0f});
    return buildUserItems(pairs, stored.userCount(), stored.itemCount);
}

Checkpoint assemble(Contents&& c, const std::string& path)
{
    auto fail = [&](const std::string& cause) { throw DataError(path, 0, cause); };
    auto missing = [&](const char* tag) {
        fail(std::string("the checkpoint has no \"") + tag + "\" section: the file is damaged");
    };
    if (!c.modelName)
        missing("MODL");
    if (!c.fingerprint)
        missing("DATA");
    if (!c.haveIds)
        missing("IDS ");
    if (!c.history)
        missing("HIST");
    if (!c.haveParams)
        missing("PARM");

    Checkpoint out;
    try {
        out.spec = parseModelSpec(*c.modelName);
    } catch (const UsageError&) {
        fail("the checkpoint holds an unknown model '" + *c.modelName + "'");
    }
    for (const auto& [key, value] : c.hyperParams) {
        const HyperParamInfo* info = findHyperParam(key);
        if (!info)
            continue; // written by a later program; not needed here
        const std::string error = info->set(out.hp, value);
        if (!error.empty())
            fail("the hyper-parameter " + key + " of the checkpoint is invalid: " + error);
    }
    out.datasetFingerprint = *c.fingerprint;
    out.datasetName = std::move(c.datasetName);
    out.scale = c.scale;
    if (!std::isfinite(out.scale.min) || !std::isfinite(out.scale.max) || !(out.scale.min <= out.scale.max) ||
        !(out.scale.step >= 0.0f))
        fail("the rating scale of the checkpoint is invalid: the file is damaged");

    constexpr std::size_t kMaxCount = std::numeric_limits<std::uint32_t>::max() - 1;
    if (c.userIds.size() > kMaxCount || c.itemIds.size() > kMaxCount)
        fail("the checkpoint has too many users or items: the file is damaged");
    const auto users = static_cast<std::uint32_t>(c.userIds.size());
    const auto items = static_cast<std::uint32_t>(c.itemIds.size());
    if (!c.itemTitles.empty() && c.itemTitles.size() != items)
        fail("the checkpoint has " + std::to_string(c.itemTitles.size()) + " item titles for " + std::to_string(items) +
             " items: the file is damaged");
    if (!validHistory(*c.history, users, items))
        fail("the training history of the checkpoint does not fit its " + std::to_string(users) + " users and " +
             std::to_string(items) + " items: the file is damaged");

    // Before the model allocates its embeddings (users x d, items x d), check that the file
    // holds them at that size: a damaged count must not lead to a huge allocation.
    std::array<RowMatrix<float>, kBlockCount> stored;
    for (auto& [name, values] : c.blocks) {
        int index = -1;
        for (int b = 0; b < kBlockCount; ++b)
            if (blockName(static_cast<Block>(b)) == name)
                index = b;
        if (index < 0)
            fail("the checkpoint has an unknown parameter block '" + name + "'");
        stored[index] = std::move(values);
    }
    const auto dim = static_cast<Eigen::Index>(out.hp.dim);
    if (out.spec.learns()) {
        const RowMatrix<float>& u = stored[static_cast<int>(Block::Users)];
        const RowMatrix<float>& i = stored[static_cast<int>(Block::Items)];
        if (u.rows() != users || u.cols() != dim || i.rows() != items || i.cols() != dim)
            fail("the embeddings of the checkpoint (" + shape(u.rows(), u.cols()) + " and " +
                 shape(i.rows(), i.cols()) + ") do not fit its " + std::to_string(users) + " users, " +
                 std::to_string(items) + " items and d = " + std::to_string(dim) + ": the file is damaged");
    }

    std::shared_ptr<Model> model;
    try {
        model = std::make_shared<Model>(out.spec, out.hp, users, items, rebuild(*c.history), double(c.mu));
    } catch (const UsageError& e) {
        fail(std::string("the checkpoint's model cannot be rebuilt: ") + e.what());
    }
    Params<float>& params = model->params();
    for (int b = 0; b < kBlockCount; ++b) {
        RowMatrix<float>& target = params.blocks[b];
        RowMatrix<float>& source = stored[b];
        if (target.rows() != source.rows() || target.cols() != source.cols())
            fail("the parameter block " + std::string(blockName(static_cast<Block>(b))) + " of the checkpoint has " +
                 shape(source.rows(), source.cols()) + " values where " + out.spec.title() + " needs " +
                 shape(target.rows(), target.cols()) + ": the file is damaged");
        target = std::move(source);
    }
    params.mu = c.mu;
    out.model = std::move(model);
    out.userIds = std::move(c.userIds);
    out.itemIds = std::move(c.itemIds);
    out.itemTitles = std::move(c.itemTitles);
    return out;
}

} // namespace

Checkpoint makeCheckpoint(std::shared_ptr<const Model> model, const Dataset& data)
{
    if (!model)
        throw UsageError("there is no model to save");
    if (data.userCount() != model->userCount() || data.itemCount() != model->itemCount())
        throw UsageError("the model was not trained on this data set");
    Checkpoint c;
    c.spec = model->spec();
    c.hp = model->hyperParams();
    c.datasetFingerprint = data.fingerprint();
    c.datasetName = data.name;
    c.scale = data.scale;
    c.userIds = data.userIds;
    c.itemIds = data.itemIds;
    c.itemTitles = data.itemTitles;
    c.model = std::move(model);
    return c;
}

void writeCheckpoint(BinaryWriter& out, const Checkpoint& checkpoint)
{
    checkSavable(checkpoint);
    writeBody(out, checkpoint);
}

Checkpoint readCheckpoint(BinaryReader& in)
{
    Contents contents;
    readSections(in, contents);
    return assemble(std::move(contents), in.name());
}

void saveCheckpoint(const Checkpoint& checkpoint, const std::string& path)
{
    checkSavable(checkpoint);
    writeContainer(path, kFormat, [&](BinaryWriter& out) { writeBody(out, checkpoint); });
}

Checkpoint loadCheckpoint(const std::string& path)
{
    Checkpoint checkpoint;
    readContainer(path, kFormat, [&](BinaryReader& in, std::uint32_t) { checkpoint = readCheckpoint(in); });
    return checkpoint;
}

} // namespace rnr
