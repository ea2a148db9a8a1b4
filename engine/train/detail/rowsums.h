#pragma once

#include "model/params.h"

#include <span>

namespace rnr {

/// A batch's gradients summed per distinct row, part by part, into small contiguous buffers
/// (docs/method.md, "Training", the sparse step). Each parameter block's rows are cut into a
/// fixed number of ranges (set by the block's shape, never by the thread count); a part sums the
/// entries of its range over the chunks in chunk order, so every row's sum is the same on any
/// number of threads, and parts are independent: they are summed and stepped in parallel. No
/// dense gradient matrix is kept or zeroed, and the optimiser reads each sum from a buffer that
/// stays in cache instead of a scattered row of a table.
class RowSums
{
public:
    /// One part's result: its distinct rows in the order first met and their sums.
    struct Part
    {
        int block = 0;
        std::uint32_t rowBegin = 0, rowEnd = 0; ///< the rows of the block this part owns
        std::vector<std::uint32_t> rows;
        std::vector<float> values; ///< rows.size() x cols, row-major (it may be longer: the rest is unused)
        Eigen::Index cols = 0;
    };

    /// Plans the parts for the given blocks of `params` (in that order).
    void plan(const Params<float>& params, const std::vector<int>& blocks);
    std::size_t parts() const { return m_parts.size(); }
    /// Sums part p's rows over the chunks' entries (in chunk order) and returns it. Parts may be
    /// summed concurrently; one part by one thread at a time.
    const Part& sum(std::size_t p, std::span<const RowGrads<float>> chunks);

    /// The number of parts a block of this shape is cut into.
    static std::uint32_t partsFor(Eigen::Index rows, Eigen::Index cols);

private:
    std::vector<Part> m_parts;
    std::array<std::vector<std::int32_t>, kBlockCount> m_slot; ///< a row's index in its part, -1 if none
};

} // namespace rnr
