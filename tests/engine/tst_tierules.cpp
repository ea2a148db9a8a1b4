// The tie rules against row order (docs/method.md, "Split"): a copy of a data set with its rows
// shuffled gives bit-identical splits and results under item-id, random and drop; under
// file-order it does not, which is why that rule is not the default.
#include "io/loader.h"
#include "model/model.h"
#include "train/experiment.h"

#include "../trainedruns.h"

#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <random>
#include <sstream>

using namespace rnr;

namespace {

// A small demo data set with its times rounded to the day, so that many users tie at their
// last timestamp, as u.data lines (user, item, rating, time); and the same lines shuffled.
std::vector<std::string> demoLines()
{
    const Dataset demo = *fixtures::smallDemo(250, 180);
    std::vector<std::string> lines;
    for (const Interaction& x : demo.interactions) {
        std::ostringstream line;
        line << demo.userIds[x.user] << '\t' << demo.itemIds[x.item] << '\t' << int(x.rating) << '\t'
             << x.timestamp / 86400 * 86400;
        lines.push_back(line.str());
    }
    return lines;
}

Dataset loadLines(const QTemporaryDir& dir, const char* name, const std::vector<std::string>& lines)
{
    const std::string path = dir.filePath(QString::fromLatin1(name)).toStdString();
    {
        std::ofstream out(path);
        for (const std::string& line : lines)
            out << line << '\n';
    }
    LoadOptions options;
    options.format = Format::MovieLens100K;
    return filterMinInteractions(loadDataset(path, options).dataset);
}

// The held-out and training interactions as (user, item, rating, time): what a split gives a
// model. The source rows differ between the copies by construction.
bool sameInteractions(const std::vector<Interaction>& a, const std::vector<Interaction>& b)
{
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](const auto& x, const auto& y) {
               return x.user == y.user && x.item == y.item && x.timestamp == y.timestamp &&
                      std::memcmp(&x.rating, &y.rating, sizeof(float)) == 0;
           });
}

bool sameSplit(const Split& a, const Split& b)
{
    return sameInteractions(a.train, b.train) && sameInteractions(a.validation, b.validation) &&
           sameInteractions(a.test, b.test);
}

bool sameBits(const Params<float>& a, const Params<float>& b)
{
    for (int k = 0; k < kBlockCount; ++k) {
        const auto& x = a.blocks[k];
        const auto& y = b.blocks[k];
        if (x.rows() != y.rows() || x.cols() != y.cols())
            return false;
        if (x.size() > 0 && std::memcmp(x.data(), y.data(), sizeof(float) * std::size_t(x.size())) != 0)
            return false; // (an empty block has no data to compare: memcmp must not see its null)
    }
    return true;
}

} // namespace

class TestTieRules : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        std::vector<std::string> lines = demoLines();
        m_data = loadLines(m_dir, "u.data", lines);
        std::mt19937 shuffle(2026);
        std::shuffle(lines.begin(), lines.end(), shuffle);
        m_shuffled = loadLines(m_dir, "shuffled.data", lines);
        QCOMPARE(m_shuffled.fingerprint(), m_data.fingerprint()); // the canonical order
        const Split split = makeSplit(m_data, SplitConfig{});
        QVERIFY2(split.tiedUsers > 50, "the rounded times tie many users"); // most of 250
    }

    void orderFreeRulesGiveBitIdenticalResults_data()
    {
        QTest::addColumn<TieRule>("rule");
        QTest::newRow("item-id") << TieRule::ItemId;
        QTest::newRow("random") << TieRule::Random;
        QTest::newRow("drop") << TieRule::Drop;
    }

    void orderFreeRulesGiveBitIdenticalResults()
    {
        QFETCH(TieRule, rule);
        const SplitConfig config{kAllUsers, 3, rule};
        const Split a = makeSplit(m_data, config);
        const Split b = makeSplit(m_shuffled, config);
        QVERIFY(sameSplit(a, b));
        HyperParams hp = fixtures::smallHyperParams(2);
        hp.seed = 3;
        const ModelSpec spec = parseModelSpec("rnr:bpr+svd");
        const RunResult ra = runExperiment(m_data, a, spec, hp);
        const RunResult rb = runExperiment(m_shuffled, b, spec, hp);
        QCOMPARE(std::memcmp(&ra.test.recall, &rb.test.recall, sizeof(double)), 0);
        QCOMPARE(std::memcmp(&ra.test.rmse, &rb.test.rmse, sizeof(double)), 0);
        QCOMPARE(ra.epochs.back().objective, rb.epochs.back().objective);
        QVERIFY(sameBits(ra.model->params(), rb.model->params()));
        QVERIFY(ra.split == config);
    }

    void fileOrderDependsOnTheRows()
    {
        const SplitConfig config{kAllUsers, 3, TieRule::FileOrder};
        QVERIFY(!sameSplit(makeSplit(m_data, config), makeSplit(m_shuffled, config)));
    }

private:
    QTemporaryDir m_dir;
    Dataset m_data, m_shuffled;
};

QTEST_APPLESS_MAIN(TestTieRules)
#include "tst_tierules.moc"
