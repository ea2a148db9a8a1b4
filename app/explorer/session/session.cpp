#include "session/session.h"

#include "core/errors.h"
#include "persist/checkpoint.h"

#include <QBuffer>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDataStream>
#include <QFile>
#include <QSaveFile>
#include <QTemporaryDir>

#include <cstring>
#include <map>

namespace rnr {

namespace {

constexpr char kMagic[] = "RNRSESS\n"; // 8 bytes
constexpr int kMagicSize = 8;
constexpr auto kStreamVersion = QDataStream::Qt_6_4;

/// Raised while parsing; becomes a DataError with the file name.
struct Damaged
{
    QString cause;
};

// ---- writing -------------------------------------------------------------------------------

void put(QDataStream& out, const std::string& text)
{
    out << QByteArray::fromStdString(text);
}

template <typename T> void putVector(QDataStream& out, const std::vector<T>& values)
{
    out << quint64(values.size());
    for (const T& v : values) {
        if constexpr (std::is_same_v<T, std::string>)
            put(out, v);
        else if constexpr (std::is_integral_v<T> && sizeof(T) == 8)
            out << quint64(v);
        else
            out << v;
    }
}

void put(QDataStream& out, const Metrics& m)
{
    out << m.recall << m.mrr << m.ndcg << m.rmse << m.mae << quint64(m.users) << quint32(m.k);
}

void put(QDataStream& out, const HyperParams& hp)
{
    const auto pairs = describe(hp);
    out << quint64(pairs.size());
    for (const auto& [key, value] : pairs) {
        put(out, key);
        put(out, value);
    }
}

void put(QDataStream& out, const Dataset& d)
{
    put(out, d.name);
    put(out, d.source);
    out << quint64(d.interactions.size());
    for (const Interaction& i : d.interactions)
        out << qint64(i.timestamp) << quint32(i.user) << quint32(i.item) << quint32(i.row) << i.rating;
    putVector(out, d.userIds);
    putVector(out, d.itemIds);
    putVector(out, d.itemTitles);
    putVector(out, d.genreNames);
    out << quint64(d.itemGenres.size());
    for (const auto& genres : d.itemGenres)
        putVector(out, genres);
    out << d.scale.min << d.scale.max << d.scale.step << d.hasTimestamps;
    putVector(out, d.trueDeviation);
}

void put(QDataStream& out, const LoadReport& r)
{
    put(out, r.file);
    out << qint32(r.format) << quint64(r.rowsRead) << quint64(r.rowsKept);
    for (const ProblemTally& t : r.problems) {
        out << quint64(t.count);
        putVector(out, t.firstLines);
        put(out, t.firstMessage);
    }
    putVector(out, r.notes);
}

void put(QDataStream& out, const RunResult& r)
{
    put(out, r.spec.name());
    put(out, r.hp);
    out << quint64(r.epochs.size());
    for (const EpochRecord& e : r.epochs) {
        out << quint32(e.epoch) << e.rankingLoss << e.ratingLoss << e.regularisation << e.objective << e.seconds
            << e.samplesPerSecond << e.validation.has_value();
        if (e.validation)
            put(out, *e.validation);
    }
    out << quint32(r.bestEpoch);
    put(out, r.validation);
    put(out, r.test);
    out << quint64(r.testOutcomes.size());
    for (const UserOutcome& o : r.testOutcomes) {
        out << quint32(o.user) << quint32(o.item) << o.rating << o.predicted << quint32(o.rank);
        putVector(out, o.top);
    }
    out << r.trainSeconds;
}

QByteArray checkpointBytes(const SessionRun& run, const QTemporaryDir& scratch)
{
    const QString file = scratch.filePath(QStringLiteral("model.rnrmodel"));
    saveCheckpoint(makeCheckpoint(run.outcome.model, *run.data), QFile::encodeName(file).toStdString());
    QFile in(file);
    if (!in.open(QIODevice::ReadOnly))
        throw std::runtime_error("cannot read back a model: " + in.errorString().toStdString());
    return in.readAll();
}

// ---- reading -------------------------------------------------------------------------------

class Reader
{
public:
    explicit Reader(QDataStream& in) : m_in(in) {}

    void check()
    {
        if (m_in.status() != QDataStream::Ok)
            throw Damaged{QCoreApplication::translate("rnr::Session", "the file ends early or is damaged")};
    }
    /// A count of elements of at least minBytes each: never more than the bytes left.
    quint64 count(quint64 minBytes)
    {
        quint64 n = 0;
        m_in >> n;
        check();
        const auto left = quint64(m_in.device()->bytesAvailable());
        if (n > left / std::max<quint64>(minBytes, 1))
            throw Damaged{QCoreApplication::translate(
                "rnr::Session", "a length in the file is larger than the file: the file is damaged")};
        return n;
    }
    std::string string()
    {
        QByteArray bytes;
        m_in >> bytes;
        check();
        return bytes.toStdString();
    }
    template <typename T> T value()
    {
        T v{};
        m_in >> v;
        check();
        return v;
    }
    std::vector<std::string> strings()
    {
        std::vector<std::string> out(count(4));
        for (auto& s : out)
            s = string();
        return out;
    }
    template <typename T> std::vector<T> values()
    {
        using Wire = std::conditional_t<std::is_integral_v<T> && sizeof(T) == 8, quint64, T>;
        std::vector<T> out(count(sizeof(T)));
        for (auto& v : out)
            v = T(value<Wire>());
        return out;
    }
    Metrics metrics()
    {
        Metrics m;
        m.recall = value<double>();
        m.mrr = value<double>();
        m.ndcg = value<double>();
        m.rmse = value<double>();
        m.mae = value<double>();
        m.users = std::size_t(value<quint64>());
        m.k = value<quint32>();
        return m;
    }
    HyperParams hyperParams()
    {
        HyperParams hp;
        for (quint64 n = count(8); n > 0; --n) {
            const std::string key = string(), text = string();
            if (const HyperParamInfo* info = findHyperParam(key)) // unknown keys of other versions are ignored
                if (const std::string error = info->set(hp, text); !error.empty())
                    throw Damaged{QCoreApplication::translate("rnr::Session", "hyper-parameter %1: %2")
                                      .arg(QString::fromStdString(key), QString::fromStdString(error))};
        }
        return hp;
    }
    ModelSpec spec()
    {
        try {
            return parseModelSpec(string());
        } catch (const std::exception& e) {
            throw Damaged{QString::fromStdString(e.what())};
        }
    }
    Dataset dataset()
    {
        Dataset d;
        d.name = string();
        d.source = string();
        d.interactions.resize(count(24));
        for (Interaction& i : d.interactions) {
            i.timestamp = value<qint64>();
            i.user = value<quint32>();
            i.item = value<quint32>();
            i.row = value<quint32>();
            i.rating = value<float>();
        }
        d.userIds = strings();
        d.itemIds = strings();
        d.itemTitles = strings();
        d.genreNames = strings();
        d.itemGenres.resize(count(8));
        for (auto& genres : d.itemGenres)
            genres = values<std::uint32_t>();
        d.scale.min = value<float>();
        d.scale.max = value<float>();
        d.scale.step = value<float>();
        d.hasTimestamps = value<bool>();
        d.trueDeviation = values<float>();
        // The checksum proves the file is as written, not that it was written by this program.
        const auto damaged = [] {
            return Damaged{
                QCoreApplication::translate("rnr::Session", "the data set in the session does not fit together")};
        };
        for (const Interaction& i : d.interactions)
            if (i.user >= d.userIds.size() || i.item >= d.itemIds.size())
                throw damaged();
        const auto fits = [&](std::size_t size) { return size == 0 || size == d.itemIds.size(); };
        if (!fits(d.itemTitles.size()) || !fits(d.itemGenres.size()) || !fits(d.trueDeviation.size()))
            throw damaged();
        for (const auto& genres : d.itemGenres)
            for (const std::uint32_t g : genres)
                if (g >= d.genreNames.size())
                    throw damaged();

        return d;
    }
    LoadReport report()
    {
        LoadReport r;
        r.file = string();
        r.format = static_cast<Format>(value<qint32>());
        r.rowsRead = value<quint64>();
        r.rowsKept = value<quint64>();
        for (ProblemTally& t : r.problems) {
            t.count = value<quint64>();
            t.firstLines = values<std::uint64_t>();
            t.firstMessage = string();
        }
        r.notes = strings();
        return r;
    }
    RunResult result()
    {
        RunResult r;
        r.spec = spec();
        r.hp = hyperParams();
        r.epochs.resize(count(57));
        for (EpochRecord& e : r.epochs) {
            e.epoch = value<quint32>();
            e.rankingLoss = value<double>();
            e.ratingLoss = value<double>();
            e.regularisation = value<double>();
            e.objective = value<double>();
            e.seconds = value<double>();
            e.samplesPerSecond = value<double>();
            if (value<bool>())
                e.validation = metrics();
        }
        r.bestEpoch = value<quint32>();
        r.validation = metrics();
        r.test = metrics();
        r.testOutcomes.resize(count(28));
        for (UserOutcome& o : r.testOutcomes) {
            o.user = value<quint32>();
            o.item = value<quint32>();
            o.rating = value<float>();
            o.predicted = value<float>();
            o.rank = value<quint32>();
            o.top = values<std::uint32_t>();
        }
        r.trainSeconds = value<double>();
        return r;
    }

private:
    QDataStream& m_in;
};

std::shared_ptr<const Model> modelFromBytes(const QByteArray& bytes, const Dataset& data, const QTemporaryDir& scratch)
{
    const QString file = scratch.filePath(QStringLiteral("model.rnrmodel"));
    QFile out(file);
    if (!out.open(QIODevice::WriteOnly | QIODevice::Truncate) || out.write(bytes) != bytes.size())
        throw std::runtime_error("cannot unpack a model: " + out.errorString().toStdString());
    out.close();
    Checkpoint checkpoint;
    try {
        checkpoint = loadCheckpoint(QFile::encodeName(file).toStdString());
    } catch (const DataError& e) {
        throw Damaged{QCoreApplication::translate("rnr::Session", "a model in the session is damaged (%1)")
                          .arg(QString::fromStdString(e.cause()))};
    }
    if (checkpoint.datasetFingerprint != data.fingerprint())
        throw Damaged{
            QCoreApplication::translate("rnr::Session", "a model does not belong to the data set stored with it")};
    return checkpoint.model;
}

/// A run's model and outcomes must index into its data set.
void checkRun(const SessionRun& run)
{
    const Dataset& data = *run.data;
    const Model& model = *run.outcome.model;
    const RunResult& result = run.outcome.result;
    bool ok = model.userCount() == data.userCount() && model.itemCount() == data.itemCount() &&
              result.bestEpoch <= result.epochs.size();
    for (const UserOutcome& o : result.testOutcomes) {
        ok = ok && o.user < data.userCount() && o.item < data.itemCount();
        for (const std::uint32_t item : o.top)
            ok = ok && item < data.itemCount();
    }
    if (!ok)
        throw Damaged{QCoreApplication::translate("rnr::Session", "a run does not fit the data set stored with it")};
}

} // namespace

void saveSession(const Session& session, const QString& path)
{
    QTemporaryDir scratch;
    if (!scratch.isValid())
        throw std::runtime_error(path.toStdString() + ": cannot create a temporary folder");
    // The data sets the runs were trained on, each stored once.
    std::vector<const Dataset*> datasets;
    std::map<const Dataset*, quint32> index;
    for (const SessionRun& run : session.runs)
        if (run.data && index.emplace(run.data.get(), quint32(datasets.size())).second)
            datasets.push_back(run.data.get());

    QByteArray payload;
    {
        QBuffer buffer(&payload);
        buffer.open(QIODevice::WriteOnly);
        QDataStream out(&buffer);
        out.setVersion(kStreamVersion);
        put(out, session.dataset);
        put(out, session.report);
        put(out, session.spec.name());
        put(out, session.hp);
        out << quint32(session.split.users) << quint64(session.split.seed) << qint32(session.seeds) << session.grid;
        out << quint64(datasets.size());
        for (const Dataset* d : datasets)
            put(out, *d);
        out << quint64(session.runs.size());
        for (const SessionRun& run : session.runs) {
            if (!run.data || !run.outcome.model)
                throw std::logic_error("a session run without its data or model");
            out << run.name << index.at(run.data.get());
            put(out, run.outcome.result);
            out << checkpointBytes(run, scratch);
        }
    }
    if (payload.size() >= qsizetype(0xfffffff0)) // the stream's byte-array length is 32 bits
        throw std::runtime_error(path.toStdString() + ": the session is larger than 4 GiB");
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        throw std::runtime_error(path.toStdString() + ": " + file.errorString().toStdString());
    QDataStream out(&file);
    out.setVersion(kStreamVersion);
    out.writeRawData(kMagic, kMagicSize);
    out << kSessionVersion << payload << QCryptographicHash::hash(payload, QCryptographicHash::Sha256);
    if (out.status() != QDataStream::Ok || !file.commit())
        throw std::runtime_error(path.toStdString() + ": " + file.errorString().toStdString());
}

Session loadSession(const QString& path)
{
    const std::string name = QFile::encodeName(path).toStdString();
    auto fail = [&](const QString& cause) { throw DataError(name, 0, cause.toStdString()); };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        fail(file.errorString());
    QDataStream header(&file);
    header.setVersion(kStreamVersion);
    char magic[kMagicSize] = {};
    if (header.readRawData(magic, kMagicSize) != kMagicSize || std::memcmp(magic, kMagic, kMagicSize) != 0)
        fail(QCoreApplication::translate("rnr::Session", "not an RnR Explorer session"));
    quint32 version = 0;
    QByteArray payload, hash;
    header >> version;
    if (header.status() == QDataStream::Ok && version > kSessionVersion)
        fail(QCoreApplication::translate("rnr::Session",
                                         "session format version %1 is newer than this program supports (%2)")
                 .arg(version)
                 .arg(kSessionVersion));
    header >> payload >> hash;
    if (header.status() != QDataStream::Ok || version == 0)
        fail(QCoreApplication::translate("rnr::Session", "the file ends early: the session is truncated"));
    if (hash != QCryptographicHash::hash(payload, QCryptographicHash::Sha256))
        fail(QCoreApplication::translate("rnr::Session", "the checksum does not match: the session is damaged"));

    QTemporaryDir scratch;
    if (!scratch.isValid())
        fail(QCoreApplication::translate("rnr::Session", "cannot create a temporary folder"));
    QBuffer buffer(&payload);
    buffer.open(QIODevice::ReadOnly);
    QDataStream in(&buffer);
    in.setVersion(kStreamVersion);
    Reader read(in);
    Session session;
    try {
        session.dataset = read.dataset();
        session.report = read.report();
        session.spec = read.spec();
        session.hp = read.hyperParams();
        session.split.users = read.value<quint32>();
        session.split.seed = read.value<quint64>();
        session.seeds = read.value<qint32>();
        session.grid = read.value<bool>();
        std::vector<std::shared_ptr<const Dataset>> datasets(read.count(64));
        for (auto& d : datasets)
            d = std::make_shared<const Dataset>(read.dataset());
        session.runs.resize(read.count(64));
        for (SessionRun& run : session.runs) {
            quint32 data = 0;
            in >> run.name >> data;
            read.check();
            if (data >= datasets.size())
                throw Damaged{QCoreApplication::translate("rnr::Session",
                                                          "a run refers to a data set the session does not have")};
            run.data = datasets[data];
            run.outcome.result = read.result();
            QByteArray model;
            in >> model;
            read.check();
            run.outcome.model = modelFromBytes(model, *run.data, scratch);
            checkRun(run);
        }
    } catch (const Damaged& damaged) {
        fail(damaged.cause);
    }
    return session;
}

} // namespace rnr
