// Cross-stitch units (docs/method.md, "Couplings"; Misra et al., "Cross-stitch Networks for
// Multi-task Learning", CVPR 2016): each task has its own user and item vectors (R: the shared
// U, I; P: TaskUsers, TaskItems), and each reads a learnt linear mix of both,
//   x_R = a_RR v_R + a_RP v_P,  x_P = a_PR v_R + a_PP v_P,
// with one 2 x 2 unit for users and one for items, initialised at 0.9 on the diagonal and 0.1
// off it.
#include "core/detail/rng.h"
#include "model/detail/taskmap.h"

namespace rnr {

namespace {

constexpr double kOwnWeight = 0.9, kOtherWeight = 0.1;

template <typename T> class CrossStitchCoupling final : public TaskMapCoupling<T>
{
public:
    void allocate(Params<T>& p, std::uint32_t users, std::uint32_t items, std::uint32_t dim) const override
    {
        p[Block::TaskUsers] = RowMatrix<T>::Zero(users, dim);
        p[Block::TaskItems] = RowMatrix<T>::Zero(items, dim);
        p[Block::CrossStitch] = RowMatrix<T>::Zero(2, 4);
    }
    void initialise(Params<T>& p, Rng& rng) const override
    {
        xavier(p[Block::TaskUsers], rng);
        xavier(p[Block::TaskItems], rng);
        for (Eigen::Index side = 0; side < 2; ++side)
            p[Block::CrossStitch].row(side) << T(kOwnWeight), T(kOtherWeight), T(kOtherWeight), T(kOwnWeight);
    }

    void mapForward(const Params<T>& p, Task task, Side side, const std::vector<std::uint32_t>& ids, MapCache<T>& cache,
                    RowMatrix<T>& out) const override
    {
        const RowMatrix<T>& ranking = p[side == Side::Users ? Block::Users : Block::Items];
        const RowMatrix<T>& rating = p[side == Side::Users ? Block::TaskUsers : Block::TaskItems];
        const auto n = Eigen::Index(ids.size());
        cache.input.resize(n, ranking.cols());
        cache.out.assign(1, RowMatrix<T>(n, ranking.cols())); // the rating task's own rows
        for (Eigen::Index r = 0; r < n; ++r) {
            cache.input.row(r) = ranking.row(ids[std::size_t(r)]);
            cache.out[0].row(r) = rating.row(ids[std::size_t(r)]);
        }
        const auto [own, other] = weights(p, task, side);
        out = own * cache.input + other * cache.out[0];
    }

    void mapBackward(ChunkContext<T>& ctx, Task task, Side side, const std::vector<std::uint32_t>& ids,
                     const MapCache<T>& cache, const RowMatrix<T>& dOut) const override
    {
        // weights() gives (a_tR, a_tP): the weight of the ranking task's rows, then the rating task's.
        const auto [fromRanking, fromRating] = weights(ctx.params, task, side);
        const Eigen::Index d = dOut.cols(), t = Eigen::Index(task);
        const Block ranking = side == Side::Users ? Block::Users : Block::Items;
        const Block rating = side == Side::Users ? Block::TaskUsers : Block::TaskItems;
        for (Eigen::Index r = 0; r < dOut.rows(); ++r) {
            ctx.grads.add(ranking, ids[std::size_t(r)], d) = fromRanking * dOut.row(r).transpose();
            ctx.grads.add(rating, ids[std::size_t(r)], d) = fromRating * dOut.row(r).transpose();
        }
        auto unit = ctx.grads.add(Block::CrossStitch, side == Side::Users ? 0 : 1, 4);
        unit(2 * t) = dOut.cwiseProduct(cache.input).sum();
        unit(2 * t + 1) = dOut.cwiseProduct(cache.out[0]).sum();
    }

private:
    /// Task t's unit entries for one side: (weight of R's rows, weight of P's rows).
    static std::pair<T, T> weights(const Params<T>& p, Task task, Side side)
    {
        const auto unit = p[Block::CrossStitch].row(side == Side::Users ? 0 : 1);
        const Eigen::Index t = Eigen::Index(task);
        return {unit(2 * t), unit(2 * t + 1)};
    }
};

} // namespace

template <typename T> std::unique_ptr<CouplingComponent<T>> makeCrossStitchCoupling()
{
    return std::make_unique<CrossStitchCoupling<T>>();
}

template std::unique_ptr<CouplingComponent<float>> makeCrossStitchCoupling<float>();
template std::unique_ptr<CouplingComponent<double>> makeCrossStitchCoupling<double>();

} // namespace rnr
