// Checkpoints: save and load round trips for several model kinds; truncated, damaged, foreign
// and newer files give the right DataError.
#include "persist/checkpoint.h"

#include "core/errors.h"
#include "data/demo.h"
#include "train/experiment.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <filesystem>
#include <map>
#include <stdexcept>

using namespace rnr;

namespace {

QByteArray readAll(const std::string& path)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", path.c_str());
    return file.readAll();
}

void writeAll(const std::string& path, const QByteArray& bytes)
{
    QFile file(QString::fromStdString(path));
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        qFatal("cannot write %s", path.c_str());
    file.write(bytes);
}

/// The cause of the DataError that loading the file throws, or "" when it loads.
std::string loadError(const std::string& path)
{
    try {
        loadCheckpoint(path);
    } catch (const DataError& e) {
        if (e.file() != path || e.line() != 0)
            return "wrong location: " + std::string(e.what());
        return e.cause();
    }
    return {};
}

/// FNV-1a 64, as the format uses, to forge files with a valid checksum.
std::uint64_t fnv1a(const QByteArray& bytes)
{
    std::uint64_t h = 0xcbf29ce484222325ULL;
    for (const char c : bytes) {
        h ^= static_cast<unsigned char>(c);
        h *= 0x100000001b3ULL;
    }
    return h;
}

void putLe64(QByteArray& bytes, qsizetype at, std::uint64_t v)
{
    for (int i = 0; i < 8; ++i)
        bytes[at + i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

/// Rewrites the header and closing checksums after an edit, keeping the file consistent.
void reseal(QByteArray& bytes)
{
    putLe64(bytes, 12, std::uint64_t(bytes.size()));
    putLe64(bytes, 20, fnv1a(bytes.left(20)));
    putLe64(bytes, bytes.size() - 8, fnv1a(bytes.left(bytes.size() - 8)));
}

std::vector<std::uint32_t> allUsers(const Model& model)
{
    std::vector<std::uint32_t> users(model.userCount());
    for (std::uint32_t u = 0; u < model.userCount(); ++u)
        users[u] = u;
    return users;
}

bool sameFloats(float a, float b)
{
    return (std::isnan(a) && std::isnan(b)) || a == b;
}

} // namespace

class TestCheckpoint : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    Dataset m_data;
    Split m_split;
    std::map<std::string, Checkpoint> m_trained;

    std::string path(const QString& name) const { return m_dir.filePath(name).toStdString(); }

    const Checkpoint& trained(const std::string& model)
    {
        auto it = m_trained.find(model);
        if (it == m_trained.end()) {
            HyperParams hp;
            hp.dim = 8;
            hp.epochs = 2;
            hp.batchSize = 64;
            hp.lambda = 0.0123456789; // needs every digit to come back exactly
            hp.learningRate = 0.01;
            hp.activation = Activation::Sigmoid;
            hp.seed = 5;
            hp.validationUsers = 17;
            const auto space = model.find(' '); // "NAME[@BALANCE] [KEY=VALUE]"
            if (space != std::string::npos) {
                const std::string setting = model.substr(space + 1);
                const auto equals = setting.find('=');
                if (!findHyperParam(setting.substr(0, equals))->set(hp, setting.substr(equals + 1)).empty())
                    throw std::invalid_argument("a bad setting in the test: " + setting);
            }
            const std::string name = model.substr(0, space);
            const auto at = name.find('@');
            if (at != std::string::npos)
                findHyperParam("balance")->set(hp, name.substr(at + 1));
            const RunResult run = runExperiment(m_data, m_split, parseModelSpec(name.substr(0, at)), hp);
            it = m_trained.emplace(model, makeCheckpoint(run.model, m_data)).first;
        }
        return it->second;
    }

    /// A valid checkpoint file of a small model, as bytes.
    QByteArray validFile()
    {
        const std::string file = path(QStringLiteral("valid.rnrmodel"));
        saveCheckpoint(trained("bpr"), file);
        return readAll(file);
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        DemoConfig config;
        config.users = 120;
        config.items = 80;
        config.minPerUser = 5;
        config.meanPerUser = 12;
        config.seed = 3;
        m_data = filterMinInteractions(generateDemo(config));
        SplitConfig split;
        split.users = 40;
        m_split = makeSplit(m_data, split);
    }

    void roundTrip_data()
    {
        QTest::addColumn<QString>("model");
        for (const char* name : {"bpr", "rnr:cdae+svd++", "svd", "popularity", "vanilla:wrmf+svd"})
            QTest::newRow(name) << QString::fromLatin1(name);
        for (const CouplingInfo& coupling : couplingInfo()) { // every design, and one with learnt balance parameters
            const std::string name = coupling.key + (coupling.cascade ? ":bpr" : ":bpr+svd");
            QTest::newRow(name.c_str()) << QString::fromStdString(name);
        }
        QTest::newRow("pairwise:cdae@uncertainty") << QStringLiteral("pairwise:cdae@uncertainty");
        QTest::newRow("ple:wrmf+svd++@uncertainty") << QStringLiteral("ple:wrmf+svd++@uncertainty");
        QTest::newRow("ple:bpr+svd levels=2") << QStringLiteral("ple:bpr+svd levels=2");
    }
    void roundTrip()
    {
        QFETCH(QString, model);
        const Checkpoint& saved = trained(model.toStdString());
        const std::string file = path(model.replace(QLatin1Char(':'), QLatin1Char('-')) + QStringLiteral(".ckpt"));
        saveCheckpoint(saved, file);
        QVERIFY(!std::filesystem::exists(file + ".tmp"));
        const Checkpoint loaded = loadCheckpoint(file);

        QCOMPARE(loaded.spec, saved.spec);
        QCOMPARE(describe(loaded.hp), describe(saved.hp));
        QCOMPARE(loaded.hp.lambda, 0.0123456789);
        QCOMPARE(loaded.datasetFingerprint, m_data.fingerprint());
        QCOMPARE(loaded.datasetName, m_data.name);
        QCOMPARE(loaded.scale, m_data.scale);
        QCOMPARE(loaded.userIds, m_data.userIds);
        QCOMPARE(loaded.itemIds, m_data.itemIds);
        QCOMPARE(loaded.itemTitles, m_data.itemTitles);

        QVERIFY(loaded.model);
        const Model& a = *saved.model;
        const Model& b = *loaded.model;
        QCOMPARE(b.spec(), a.spec());
        QCOMPARE(b.userCount(), a.userCount());
        QCOMPARE(b.itemCount(), a.itemCount());
        QCOMPARE(b.history().offsets, a.history().offsets);
        QCOMPARE(b.history().items, a.history().items);
        QCOMPARE(b.history().itemCount, a.history().itemCount);
        QCOMPARE(b.params().mu, a.params().mu);
        bool anyParameters = false;
        for (int k = 0; k < kBlockCount; ++k) {
            const RowMatrix<float>& x = a.params().blocks[k];
            const RowMatrix<float>& y = b.params().blocks[k];
            QCOMPARE(y.rows(), x.rows());
            QCOMPARE(y.cols(), x.cols());
            QVERIFY2(x == y, blockName(static_cast<Block>(k)).data());
            anyParameters = anyParameters || x.size() > 0;
        }
        QCOMPARE(anyParameters, a.spec().ranker != Ranker::Popularity);
        QCOMPARE(b.params()[Block::TaskLogVariance].size() > 0, model.endsWith(QStringLiteral("@uncertainty")));
        QCOMPARE(b.params()[Block::SharedGateWeight].size() > 0, model.endsWith(QStringLiteral("levels=2")));

        const std::vector<std::uint32_t> users = allUsers(a);
        RowMatrix<float> before, after;
        a.rankingScores(users, before);
        b.rankingScores(users, after);
        QVERIFY(before.size() > 0);
        QVERIFY(before == after);
        if (a.hasLikeHead()) { // the cascade's like ranking, and its resolved threshold
            QVERIFY(b.hasLikeHead());
            QCOMPARE(b.hyperParams().likeThreshold, a.hyperParams().likeThreshold);
            QVERIFY(std::isfinite(b.hyperParams().likeThreshold));
            a.likeScores(users, before);
            b.likeScores(users, after);
            QVERIFY(before == after);
        }

        std::vector<std::uint32_t> pairUsers, pairItems;
        for (std::uint32_t u = 0; u < a.userCount(); u += 7)
            for (std::uint32_t i = 0; i < a.itemCount(); i += 11) {
                pairUsers.push_back(u);
                pairItems.push_back(i);
            }
        const std::vector<float> ratingsBefore = a.predictRatings(pairUsers, pairItems);
        const std::vector<float> ratingsAfter = b.predictRatings(pairUsers, pairItems);
        QCOMPARE(ratingsAfter.size(), ratingsBefore.size());
        for (std::size_t n = 0; n < ratingsBefore.size(); ++n)
            QVERIFY(sameFloats(ratingsBefore[n], ratingsAfter[n]));
        QCOMPARE(std::isnan(ratingsAfter.front()), !a.spec().hasRater());

        // Saving the loaded checkpoint gives the very same bytes.
        const std::string again = file + ".again";
        saveCheckpoint(loaded, again);
        QCOMPARE(readAll(again), readAll(file));
    }

    void savingReplacesAnExistingFile()
    {
        const std::string file = path(QStringLiteral("replace.ckpt"));
        writeAll(file, "old contents");
        saveCheckpoint(trained("svd"), file);
        QCOMPARE(loadCheckpoint(file).spec, parseModelSpec("svd"));
        QVERIFY(!std::filesystem::exists(file + ".tmp"));
    }

    void savingInconsistentCheckpointsIsRefused()
    {
        Checkpoint noModel = trained("bpr");
        noModel.model.reset();
        QVERIFY_THROWS_EXCEPTION(UsageError, saveCheckpoint(noModel, path(QStringLiteral("x.ckpt"))));
        Checkpoint fewerIds = trained("bpr");
        fewerIds.userIds.pop_back();
        QVERIFY_THROWS_EXCEPTION(UsageError, saveCheckpoint(fewerIds, path(QStringLiteral("x.ckpt"))));
        Checkpoint otherSpec = trained("bpr");
        otherSpec.spec = parseModelSpec("wrmf");
        QVERIFY_THROWS_EXCEPTION(UsageError, saveCheckpoint(otherSpec, path(QStringLiteral("x.ckpt"))));
        QVERIFY(!std::filesystem::exists(path(QStringLiteral("x.ckpt"))));
        QVERIFY_THROWS_EXCEPTION(std::runtime_error,
                                 saveCheckpoint(trained("bpr"), path(QStringLiteral("no/such/folder/x.ckpt"))));
    }

    void truncatedFiles()
    {
        const QByteArray bytes = validFile();
        QVERIFY(bytes.size() > 200);
        const std::string file = path(QStringLiteral("truncated.ckpt"));
        std::vector<qsizetype> lengths{1, 4, 7, 8, 11, 12, 19, 20, 27, 28, 29, 40, 100};
        for (qsizetype n = 150; n < bytes.size(); n += std::max<qsizetype>(1, bytes.size() / 37))
            lengths.push_back(n);
        for (qsizetype n = bytes.size() - 9; n < bytes.size(); ++n)
            lengths.push_back(n);
        for (const qsizetype n : lengths) {
            writeAll(file, bytes.left(n));
            QCOMPARE(QString::fromStdString(loadError(file)), QStringLiteral("the file is truncated"));
        }
    }

    void damagedFiles()
    {
        const QByteArray bytes = validFile();
        const std::string file = path(QStringLiteral("damaged.ckpt"));
        const QString checksum = QStringLiteral("the checksum does not match: the file is damaged");
        // Any flipped byte after the magic and version: header fields, sections, trailer.
        for (qsizetype at = 12; at < bytes.size(); at += (at < 64 ? 1 : 97)) {
            QByteArray damaged = bytes;
            damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
            writeAll(file, damaged);
            QCOMPARE(QString::fromStdString(loadError(file)), checksum);
        }
        QByteArray last = bytes;
        last[last.size() - 1] = static_cast<char>(last[last.size() - 1] ^ 0x01);
        writeAll(file, last);
        QCOMPARE(QString::fromStdString(loadError(file)), checksum);

        writeAll(file, bytes + QByteArray("extra"));
        QVERIFY(loadError(file).find("damaged") != std::string::npos);
    }

    void foreignFiles_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("text") << QByteArray("user,item,rating\n1,2,5\n3,4,1\n");
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0", 29);
        QTest::newRow("one byte") << QByteArray("x");
        QTest::newRow("json") << QByteArray("[{\"model\": \"bpr\"}]\n");
    }
    void foreignFiles()
    {
        QFETCH(QByteArray, bytes);
        const std::string file = path(QStringLiteral("foreign.ckpt"));
        writeAll(file, bytes);
        QCOMPARE(QString::fromStdString(loadError(file)), QStringLiteral("not an RnR Explorer checkpoint"));
    }

    void emptyMissingAndFolder()
    {
        const std::string empty = path(QStringLiteral("empty.ckpt"));
        writeAll(empty, QByteArray());
        QVERIFY(loadError(empty).find("not an RnR Explorer checkpoint") != std::string::npos);
        QVERIFY(loadError(empty).find("empty") != std::string::npos);
        QCOMPARE(QString::fromStdString(loadError(path(QStringLiteral("missing.ckpt")))),
                 QStringLiteral("no such file"));
        QVERIFY(loadError(m_dir.path().toStdString()).find("folder") != std::string::npos);
    }

    void newerVersion()
    {
        QByteArray bytes = validFile();
        bytes[8] = 2; // version 2, little-endian u32 at offset 8
        reseal(bytes);
        const std::string file = path(QStringLiteral("newer.ckpt"));
        writeAll(file, bytes);
        QCOMPARE(QString::fromStdString(loadError(file)),
                 QStringLiteral("checkpoint format version 2 is newer than this program supports (1)"));
        // Even a newer file whose header differs is recognised by its version alone.
        writeAll(file, bytes.left(12) + QByteArray(40, '\0'));
        QCOMPARE(QString::fromStdString(loadError(file)),
                 QStringLiteral("checkpoint format version 2 is newer than this program supports (1)"));
    }

    void inconsistentContents()
    {
        // A file with a valid checksum whose parameter block does not fit the model (forged).
        QByteArray bytes = validFile();
        const qsizetype name = bytes.indexOf(QByteArray("\x05\0\0\0items", 9)); // u32 length, then the name
        QVERIFY(name > 0);
        const qsizetype rows = name + 9;
        bytes[rows] = static_cast<char>(bytes[rows] + 1); // one more row than the model's items
        reseal(bytes);
        const std::string file = path(QStringLiteral("forged.ckpt"));
        writeAll(file, bytes);
        const std::string error = loadError(file);
        QVERIFY2(error.find("damaged") != std::string::npos, error.c_str());
        QVERIFY2(error.find("inconsistent") != std::string::npos || error.find("do not fit") != std::string::npos,
                 error.c_str());

        // A huge forged length never leads to a huge allocation: it is checked first.
        QByteArray huge = validFile();
        const qsizetype users = huge.indexOf(QByteArray("IDS ")) + 12; // u64 count of user ids
        putLe64(huge, users, std::uint64_t(1) << 60);
        reseal(huge);
        writeAll(file, huge);
        QVERIFY(loadError(file).find("inconsistent") != std::string::npos);

        // An empty block (BPR has no deviations) claiming 2^63 rows of no columns.
        QByteArray empty = validFile();
        const qsizetype deviation = empty.indexOf(QByteArray("\x09\0\0\0deviation", 13));
        QVERIFY(deviation > 0);
        putLe64(empty, deviation + 13, std::uint64_t(1) << 63);
        reseal(empty);
        writeAll(file, empty);
        QVERIFY(loadError(file).find("inconsistent") != std::string::npos);
    }

    void unknownHyperParametersAreIgnored()
    {
        // A later program may add hyper-parameters: they are skipped; missing ones take defaults.
        QByteArray bytes = validFile();
        const qsizetype at = bytes.indexOf(QByteArray("\x10\0\0\0validation-users", 20));
        QVERIFY(at > 0);
        bytes.replace(at + 4, 16, "future-setting-x");
        reseal(bytes);
        const std::string file = path(QStringLiteral("future.ckpt"));
        writeAll(file, bytes);
        const Checkpoint loaded = loadCheckpoint(file);
        QCOMPARE(loaded.hp.validationUsers, HyperParams{}.validationUsers);
        QCOMPARE(loaded.hp.dim, 8u);
    }
};

QTEST_GUILESS_MAIN(TestCheckpoint)
#include "tst_checkpoint.moc"
