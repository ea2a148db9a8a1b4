#include "train/detail/rowsums.h"

namespace rnr {

namespace {
constexpr Eigen::Index kRowsPerPart = 1024; ///< a part per this many rows: blocks under twice it are one part
constexpr std::uint32_t kMaxParts = 4;      ///< enough for two threads to share a batch's blocks evenly
} // namespace

std::uint32_t RowSums::partsFor(Eigen::Index rows, Eigen::Index cols)
{
    if (cols < 2)
        return 1; // bias vectors: a part's work would not pay for its hand-off
    return static_cast<std::uint32_t>(std::clamp<Eigen::Index>(rows / kRowsPerPart, 1, kMaxParts));
}

void RowSums::plan(const Params<float>& params, const std::vector<int>& blocks)
{
    m_parts.clear();
    for (int b = 0; b < kBlockCount; ++b)
        m_slot[std::size_t(b)].clear();
    for (const int b : blocks) {
        const RowMatrix<float>& theta = params.blocks[std::size_t(b)];
        const auto rows = static_cast<std::uint32_t>(theta.rows());
        const std::uint32_t count = partsFor(theta.rows(), theta.cols());
        m_slot[std::size_t(b)].assign(rows, -1);
        for (std::uint32_t p = 0; p < count; ++p) {
            Part part;
            part.block = b;
            part.cols = theta.cols();
            part.rowBegin = static_cast<std::uint32_t>(std::uint64_t(rows) * p / count);
            part.rowEnd = static_cast<std::uint32_t>(std::uint64_t(rows) * (p + 1) / count);
            m_parts.push_back(std::move(part));
        }
    }
}

const RowSums::Part& RowSums::sum(std::size_t p, std::span<const RowGrads<float>> chunks)
{
    Part& part = m_parts[p];
    std::vector<std::int32_t>& slot = m_slot[std::size_t(part.block)];
    for (const std::uint32_t row : part.rows) // the previous batch's rows
        slot[row] = -1;
    part.rows.clear();
    const auto cols = static_cast<std::size_t>(part.cols);
    for (const RowGrads<float>& chunk : chunks) {
        const auto& entries = chunk.blocks[std::size_t(part.block)];
        for (std::size_t k = 0; k < entries.rows.size(); ++k) {
            const std::uint32_t row = entries.rows[k];
            if (row < part.rowBegin || row >= part.rowEnd)
                continue;
            const float* __restrict from = entries.values.data() + k * cols;
            const std::int32_t s = slot[row];
            if (s < 0) { // a new row: 0 + x, as a dense sum starting at zero would give (-0 becomes +0)
                const std::size_t at = part.rows.size() * cols;
                if (part.values.size() < at + cols) { // grows only (no zero fill per batch), to the part's rows at most
                    const std::size_t most = std::size_t(part.rowEnd - part.rowBegin) * cols;
                    part.values.resize(std::min(most, std::max(2 * part.values.size(), at + cols)));
                }
                part.rows.push_back(row); // first: a slot set is always one the next batch clears
                slot[row] = static_cast<std::int32_t>(part.rows.size() - 1);
                float* __restrict to = part.values.data() + at;
                for (std::size_t c = 0; c < cols; ++c)
                    to[c] = 0.0f + from[c];
                continue;
            }
            float* __restrict to = part.values.data() + std::size_t(s) * cols;
            for (std::size_t c = 0; c < cols; ++c) // then in chunk order
                to[c] += from[c];
        }
    }
    return part;
}

} // namespace rnr
