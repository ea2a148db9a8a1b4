#include "model/params.h"

#include "core/detail/prefetch.h"

namespace rnr {

std::string_view blockName(Block block)
{
    static constexpr std::string_view names[kBlockCount] = {"users",
                                                            "items",
                                                            "deviation",
                                                            "fc-weight",
                                                            "fc-bias",
                                                            "rank-item-bias",
                                                            "cdae-input",
                                                            "cdae-hidden-bias",
                                                            "rate-user-bias",
                                                            "rate-item-bias",
                                                            "implicit",
                                                            "expert-weight",
                                                            "expert-bias",
                                                            "gate-weight",
                                                            "gate-bias",
                                                            "shared-gate-weight",
                                                            "shared-gate-bias",
                                                            "task-users",
                                                            "task-items",
                                                            "cross-stitch",
                                                            "task-log-variance",
                                                            "like-weight",
                                                            "like-bias",
                                                            "like-item-bias"};
    return names[static_cast<int>(block)];
}

bool isRegularised(Block block)
{
    switch (block) {
    case Block::Users:
    case Block::Items:
    case Block::Deviation:
    case Block::FcWeight:
    case Block::FcBias:
    case Block::CdaeInput:
    case Block::Implicit:
    case Block::ExpertWeight:
    case Block::ExpertBias:
    case Block::GateWeight:
    case Block::SharedGateWeight:
    case Block::TaskUsers:
    case Block::TaskItems:
    case Block::LikeWeight:
    case Block::LikeBias:
        return true;
    default:
        return false;
    }
}

template <typename T> void SummedGrads<T>::resizeLike(const Params<T>& params)
{
    for (int b = 0; b < kBlockCount; ++b) {
        if (sums[b].rows() != params.blocks[b].rows() || sums[b].cols() != params.blocks[b].cols())
            sums[b] = RowMatrix<T>::Zero(params.blocks[b].rows(), params.blocks[b].cols());
        marked[b].assign(static_cast<std::size_t>(params.blocks[b].rows()), 0);
        touched[b].clear();
    }
}

template <typename T> void SummedGrads<T>::add(const RowGrads<T>& grads)
{
    for (int b = 0; b < kBlockCount; ++b)
        addBlock(grads, b);
}

template <typename T> void SummedGrads<T>::addBlock(const RowGrads<T>& grads, int b)
{
    const auto& entries = grads.blocks[b];
    const Eigen::Index cols = entries.cols;
    constexpr std::size_t kAhead = 4; // the sums' rows are scattered: ask for later ones now
    for (std::size_t k = 0; k < entries.rows.size(); ++k) {
        const std::uint32_t row = entries.rows[k];
        if (k + kAhead < entries.rows.size())
            detail::prefetchFloats(sums[b].row(entries.rows[k + kAhead]).data(), cols, true);
        if (!marked[b][row]) {
            marked[b][row] = 1;
            touched[b].push_back(row);
        }
        sums[b].row(row) +=
            Eigen::Map<const Vector<T>>(entries.values.data() + k * std::size_t(cols), cols).transpose();
    }
}

template <typename T> void SummedGrads<T>::reset()
{
    for (int b = 0; b < kBlockCount; ++b) {
        for (const std::uint32_t row : touched[b]) {
            sums[b].row(row).setZero();
            marked[b][row] = 0;
        }
        touched[b].clear();
    }
}

template <typename T> void SummedGrads<T>::forget(int b)
{
    for (const std::uint32_t row : touched[b])
        marked[b][row] = 0;
    touched[b].clear();
}

template struct SummedGrads<float>;
template struct SummedGrads<double>;

} // namespace rnr
