#include "train/interplay.h"

#include <cmath>

namespace rnr {

namespace {
double cosine(double dot, double a2, double b2)
{
    return a2 > 0 && b2 > 0 ? dot / std::sqrt(a2 * b2) : Interplay::kNone;
}
} // namespace

BlockGeometry blockGeometry(const SummedGrads<float>& a, const SummedGrads<float>& b, Block block)
{
    BlockGeometry out;
    const int k = static_cast<int>(block);
    if (a.sums[k].size() == 0 || b.sums[k].size() == 0)
        return out;
    for (const std::uint32_t row : a.touched[k]) {
        const auto ga = a.sums[k].row(row).cast<double>();
        out.a2 += ga.squaredNorm();
        if (!b.marked[k][row])
            continue;
        const double d = ga.dot(b.sums[k].row(row).cast<double>());
        out.dot += d;
        ++out.sharedRows;
        if (d < 0)
            ++out.conflictRows;
    }
    for (const std::uint32_t row : b.touched[k])
        out.b2 += b.sums[k].row(row).cast<double>().squaredNorm();
    return out;
}

BatchInterplay compareTaskGradients(const SummedGrads<float>& ranking, const SummedGrads<float>& rating)
{
    BatchInterplay out;
    const BlockGeometry users = blockGeometry(ranking, rating, Block::Users);
    const BlockGeometry items = blockGeometry(ranking, rating, Block::Items);
    out.dotUsers = users.dot;
    out.rankingUsers2 = users.a2;
    out.ratingUsers2 = users.b2;
    out.dotItems = items.dot;
    out.rankingItems2 = items.a2;
    out.ratingItems2 = items.b2;
    out.sharedRows = users.sharedRows + items.sharedRows;
    out.conflictRows = users.conflictRows + items.conflictRows;
    return out;
}

void InterplayMeter::add(const BatchInterplay& b)
{
    ++m_batches;
    if (const double c = cosine(b.dotUsers, b.rankingUsers2, b.ratingUsers2); !std::isnan(c)) {
        m_cosineUsers += c;
        ++m_usersBatches;
    }
    if (const double c = cosine(b.dotItems, b.rankingItems2, b.ratingItems2); !std::isnan(c)) {
        m_cosineItems += c;
        ++m_itemsBatches;
    }
    if (b.dotUsers + b.dotItems < 0)
        ++m_conflictBatches;
    m_normRanking += std::sqrt(b.rankingUsers2 + b.rankingItems2);
    m_normRating += std::sqrt(b.ratingUsers2 + b.ratingItems2);
    m_sharedRows += b.sharedRows;
    m_conflictRows += b.conflictRows;
}

Interplay InterplayMeter::result(double rankingWeight, double ratingWeight) const
{
    Interplay out;
    out.batches = m_batches;
    out.rankingWeight = rankingWeight;
    out.ratingWeight = ratingWeight;
    if (m_batches == 0)
        return out;
    if (m_usersBatches > 0)
        out.cosineUsers = m_cosineUsers / double(m_usersBatches);
    if (m_itemsBatches > 0)
        out.cosineItems = m_cosineItems / double(m_itemsBatches);
    if (m_sharedRows > 0)
        out.conflictShare = double(m_conflictRows) / double(m_sharedRows);
    out.batchConflictShare = double(m_conflictBatches) / double(m_batches);
    out.normRanking = m_normRanking / double(m_batches);
    out.normRating = m_normRating / double(m_batches);
    return out;
}

} // namespace rnr
