// Tests of RowSums (train/detail/rowsums.h): a batch's gradient rows summed per distinct row,
// part by part. The expected sums are written out by hand; a larger random case is checked
// against the dense SummedGrads sum bit for bit, since the trainer's results must not change.
#include "core/detail/rng.h"
#include "model/params.h"
#include "train/detail/rowsums.h"

#include <QTest>

#include <cmath>
#include <vector>

using namespace rnr;

namespace {

/// Items 3,000 x 2 (two parts: rows 0..1499 and 1500..2999) and RankItemBias 3,000 x 1 (one part).
Params<float> params()
{
    Params<float> p;
    p[Block::Items] = RowMatrix<float>::Zero(3000, 2);
    p[Block::RankItemBias] = RowMatrix<float>::Zero(3000, 1);
    return p;
}

void addRow(RowGrads<float>& grads, Block block, std::uint32_t row, float x, float y = 0.0f)
{
    auto g = grads.add(block, row, block == Block::Items ? 2 : 1);
    g(0) = x;
    if (g.size() > 1)
        g(1) = y;
}

const std::vector<int> kBlocks{static_cast<int>(Block::Items), static_cast<int>(Block::RankItemBias)};

} // namespace

class TestRowSums : public QObject
{
    Q_OBJECT

private slots:
    void partsDependOnTheBlockShapeOnly_data();
    void partsDependOnTheBlockShapeOnly();
    void sumsEachRowInChunkOrderWithinItsPart();
    void aNewBatchForgetsTheLastOne();
    void aNegativeZeroStartsAsADenseSumWould();
    void equalsTheDenseSumBitForBit();
};

void TestRowSums::partsDependOnTheBlockShapeOnly_data()
{
    QTest::addColumn<int>("rows");
    QTest::addColumn<int>("cols");
    QTest::addColumn<int>("parts");
    QTest::newRow("tiny") << 50 << 50 << 1; // an FC layer
    QTest::newRow("ML-100K items") << 1682 << 50 << 1;
    QTest::newRow("3,000 rows") << 3000 << 50 << 2;
    QTest::newRow("ML-1M users") << 6040 << 50 << 4;
    QTest::newRow("ML-20M users") << 138493 << 50 << 4;
    QTest::newRow("a bias vector") << 138493 << 1 << 1;
}

void TestRowSums::partsDependOnTheBlockShapeOnly()
{
    QFETCH(int, rows);
    QFETCH(int, cols);
    QFETCH(int, parts);
    QCOMPARE(RowSums::partsFor(rows, cols), std::uint32_t(parts));
}

void TestRowSums::sumsEachRowInChunkOrderWithinItsPart()
{
    const Params<float> p = params();
    RowSums sums;
    sums.plan(p, kBlocks);
    QCOMPARE(sums.parts(), std::size_t(3));
    std::vector<RowGrads<float>> chunks(2);
    addRow(chunks[0], Block::Items, 5, 1.0f, 2.0f);
    addRow(chunks[0], Block::Items, 2500, 3.0f, 4.0f);
    addRow(chunks[0], Block::Items, 5, 10.0f, 20.0f);
    addRow(chunks[0], Block::RankItemBias, 2500, 0.5f);
    addRow(chunks[1], Block::Items, 2500, 0.5f, 0.5f);
    addRow(chunks[1], Block::Items, 7, 1.0f, 1.0f);
    addRow(chunks[1], Block::RankItemBias, 2500, 0.25f);
    addRow(chunks[1], Block::RankItemBias, 4, -1.0f);

    const RowSums::Part& low = sums.sum(0, chunks);
    QCOMPARE(low.block, static_cast<int>(Block::Items));
    QCOMPARE(low.rowBegin, 0u);
    QCOMPARE(low.rowEnd, 1500u);
    QCOMPARE(low.rows, (std::vector<std::uint32_t>{5, 7})); // first met first
    QCOMPARE(low.values[0], 11.0f);
    QCOMPARE(low.values[1], 22.0f);
    QCOMPARE(low.values[2], 1.0f);
    QCOMPARE(low.values[3], 1.0f);

    const RowSums::Part& high = sums.sum(1, chunks);
    QCOMPARE(high.rowBegin, 1500u);
    QCOMPARE(high.rowEnd, 3000u);
    QCOMPARE(high.rows, (std::vector<std::uint32_t>{2500}));
    QCOMPARE(high.values[0], 3.5f);
    QCOMPARE(high.values[1], 4.5f);

    const RowSums::Part& bias = sums.sum(2, chunks);
    QCOMPARE(bias.block, static_cast<int>(Block::RankItemBias));
    QCOMPARE(bias.rows, (std::vector<std::uint32_t>{2500, 4}));
    QCOMPARE(bias.values[0], 0.75f);
    QCOMPARE(bias.values[1], -1.0f);
}

void TestRowSums::aNewBatchForgetsTheLastOne()
{
    const Params<float> p = params();
    RowSums sums;
    sums.plan(p, kBlocks);
    std::vector<RowGrads<float>> chunks(1);
    addRow(chunks[0], Block::Items, 5, 1.0f, 2.0f);
    addRow(chunks[0], Block::Items, 9, 3.0f, 3.0f);
    sums.sum(0, chunks);
    chunks[0].clear();
    addRow(chunks[0], Block::Items, 9, -1.0f, 0.5f);
    const RowSums::Part& next = sums.sum(0, chunks);
    QCOMPARE(next.rows, (std::vector<std::uint32_t>{9}));
    QCOMPARE(next.values[0], -1.0f); // not 2: the last batch's 3 is gone
    QCOMPARE(next.values[1], 0.5f);
}

void TestRowSums::aNegativeZeroStartsAsADenseSumWould()
{
    // A dense sum starts at +0, and +0 + -0 is +0: the first row copied must not keep the sign.
    const Params<float> p = params();
    RowSums sums;
    sums.plan(p, kBlocks);
    std::vector<RowGrads<float>> chunks(1);
    addRow(chunks[0], Block::Items, 3, -0.0f, -0.0f);
    const RowSums::Part& part = sums.sum(0, chunks);
    QVERIFY(!std::signbit(part.values[0]));
    QVERIFY(!std::signbit(part.values[1]));
}

void TestRowSums::equalsTheDenseSumBitForBit()
{
    // Four chunks of 300 random rows each, many repeated, summed both ways; parts summed in
    // reverse order (as another thread might) change nothing.
    Params<float> p;
    p[Block::Users] = RowMatrix<float>::Zero(6040, 7);
    p[Block::Items] = RowMatrix<float>::Zero(3706, 7);
    const std::vector<int> blocks{static_cast<int>(Block::Users), static_cast<int>(Block::Items)};
    Rng rng(42);
    std::vector<RowGrads<float>> chunks(4);
    for (RowGrads<float>& chunk : chunks)
        for (int k = 0; k < 300; ++k) {
            const Block block = k % 3 == 0 ? Block::Users : Block::Items;
            const auto rows = static_cast<std::uint64_t>(p[block].rows());
            const auto row = static_cast<std::uint32_t>(rng.below(k % 2 ? 40 : rows)); // some rows often
            auto g = chunk.add(block, row, 7);
            for (Eigen::Index c = 0; c < 7; ++c)
                g(c) = float(rng.uniform() - 0.5) * 1e3f * float(c + 1);
        }
    SummedGrads<float> dense;
    dense.resizeLike(p);
    for (const RowGrads<float>& chunk : chunks)
        dense.add(chunk);

    RowSums sums;
    sums.plan(p, blocks);
    QCOMPARE(sums.parts(), std::size_t(4 + 3));
    std::size_t rowsSeen = 0;
    for (std::size_t k = sums.parts(); k-- > 0;) {
        const RowSums::Part& part = sums.sum(k, chunks);
        for (std::size_t r = 0; r < part.rows.size(); ++r) {
            const std::uint32_t row = part.rows[r];
            QVERIFY(row >= part.rowBegin && row < part.rowEnd);
            for (Eigen::Index c = 0; c < 7; ++c)
                QVERIFY2(part.values[r * 7 + std::size_t(c)] == dense.sums[std::size_t(part.block)](row, c),
                         qPrintable(QStringLiteral("block %1 row %2").arg(part.block).arg(row)));
        }
        rowsSeen += part.rows.size();
    }
    QCOMPARE(rowsSeen, dense.touched[0].size() + dense.touched[1].size());
}

QTEST_APPLESS_MAIN(TestRowSums)
#include "tst_rowsums.moc"
