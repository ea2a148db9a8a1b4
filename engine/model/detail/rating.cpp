// Rating components P: SVD (biased MF) and SVD++ (docs/method.md, "Underlying algorithms").
#include "core/detail/rng.h"
#include "model/detail/components.h"

#include <cmath>

namespace rnr {

namespace {

/// SVD: r^_ui = mu + b_u + b'_i + x_u . y_i, squared error.
template <typename T> class SvdRating final : public RatingComponent<T>
{
public:
    void allocate(Params<T>& p, std::uint32_t users, std::uint32_t items, std::uint32_t) const override
    {
        p[Block::RateUserBias] = RowMatrix<T>::Zero(users, 1);
        p[Block::RateItemBias] = RowMatrix<T>::Zero(items, 1);
    }
    double accumulate(ChunkContext<T>& ctx, const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& dX,
                      RowMatrix<T>& dY) const override
    {
        const auto& bu = ctx.params[Block::RateUserBias];
        const auto& bi = ctx.params[Block::RateItemBias];
        double loss = 0;
        for (std::size_t t = ctx.range.tupleBegin; t < ctx.range.tupleEnd; ++t) {
            const auto r = Eigen::Index(t - ctx.range.tupleBegin);
            const std::uint32_t u = ctx.batch.users[t], i = ctx.batch.items[t];
            const T error = ctx.params.mu + bu(u, 0) + bi(i, 0) + X.row(r).dot(Y.row(r)) - T(ctx.batch.ratings[t]);
            loss += double(error * error);
            const T g = T(2) * error * ctx.rateScale;
            dX.row(r) = g * Y.row(r);
            dY.row(r) = g * X.row(r);
            ctx.grads.add(Block::RateUserBias, u, 1)(0) = g;
            ctx.grads.add(Block::RateItemBias, i, 1)(0) = g;
        }
        return loss;
    }
    void predictAll(const Params<T>& p, const UserItems&, const std::vector<std::uint32_t>& users,
                    const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& out) const override
    {
        out.noalias() = X * Y.transpose();
        out.rowwise() += p[Block::RateItemBias].col(0).transpose();
        for (std::size_t r = 0; r < users.size(); ++r)
            out.row(Eigen::Index(r)).array() += p.mu + p[Block::RateUserBias](users[r], 0);
    }
    std::vector<T> predictPairs(const Params<T>& p, const UserItems&, const std::vector<std::uint32_t>& users,
                                const std::vector<std::uint32_t>& items, const RowMatrix<T>& X,
                                const RowMatrix<T>& Y) const override
    {
        std::vector<T> out(users.size());
        for (std::size_t r = 0; r < users.size(); ++r)
            out[r] = p.mu + p[Block::RateUserBias](users[r], 0) + p[Block::RateItemBias](items[r], 0) +
                     X.row(Eigen::Index(r)).dot(Y.row(items[r]));
        return out;
    }
};

/// SVD++: the user side adds |N(u)|^-1/2 sum_{j in N(u)} z_j over the user's training items.
/// Trained in user-grouped batches so that the implicit sum is formed once per user.
template <typename T> class SvdPlusPlusRating final : public RatingComponent<T>
{
public:
    void allocate(Params<T>& p, std::uint32_t users, std::uint32_t items, std::uint32_t dim) const override
    {
        p[Block::RateUserBias] = RowMatrix<T>::Zero(users, 1);
        p[Block::RateItemBias] = RowMatrix<T>::Zero(items, 1);
        p[Block::Implicit] = RowMatrix<T>::Zero(items, dim);
    }
    void initialise(Params<T>& p, Rng& rng) const override { xavier(p[Block::Implicit], rng); }
    bool groupsByUser() const override { return true; }

    static Vector<T> implicitSum(const Params<T>& p, const UserItems& history, std::uint32_t user)
    {
        const auto items = history.of(user);
        Vector<T> sum = Vector<T>::Zero(p[Block::Implicit].cols());
        for (const std::uint32_t j : items)
            sum += p[Block::Implicit].row(j).transpose();
        return items.empty() ? sum : Vector<T>(sum / std::sqrt(T(items.size())));
    }

    double accumulate(ChunkContext<T>& ctx, const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& dX,
                      RowMatrix<T>& dY) const override
    {
        const auto& bu = ctx.params[Block::RateUserBias];
        const auto& bi = ctx.params[Block::RateItemBias];
        const Eigen::Index d = X.cols();
        double loss = 0;
        for (std::size_t g = ctx.range.groupBegin; g < ctx.range.groupEnd; ++g) {
            const std::uint32_t u = ctx.batch.groupUsers[g];
            const Vector<T> implicit = implicitSum(ctx.params, ctx.history, u);
            Vector<T> dImplicit = Vector<T>::Zero(d);
            for (std::size_t t = ctx.batch.groupStart[g]; t < ctx.batch.groupStart[g + 1]; ++t) {
                const auto r = Eigen::Index(t - ctx.range.tupleBegin);
                const std::uint32_t i = ctx.batch.items[t];
                const Vector<T> user = X.row(r).transpose() + implicit;
                const T error =
                    ctx.params.mu + bu(u, 0) + bi(i, 0) + user.dot(Y.row(r).transpose()) - T(ctx.batch.ratings[t]);
                loss += double(error * error);
                const T grad = T(2) * error * ctx.rateScale;
                dX.row(r) = grad * Y.row(r);
                dY.row(r) = grad * user.transpose();
                dImplicit += grad * Y.row(r).transpose();
                ctx.grads.add(Block::RateUserBias, u, 1)(0) = grad;
                ctx.grads.add(Block::RateItemBias, i, 1)(0) = grad;
            }
            const auto items = ctx.history.of(u);
            if (items.empty())
                continue;
            const Vector<T> dz = dImplicit / std::sqrt(T(items.size()));
            for (const std::uint32_t j : items)
                ctx.grads.add(Block::Implicit, j, d) = dz;
        }
        return loss;
    }
    void predictAll(const Params<T>& p, const UserItems& history, const std::vector<std::uint32_t>& users,
                    const RowMatrix<T>& X, const RowMatrix<T>& Y, RowMatrix<T>& out) const override
    {
        RowMatrix<T> withImplicit = X;
        for (std::size_t r = 0; r < users.size(); ++r)
            withImplicit.row(Eigen::Index(r)) += implicitSum(p, history, users[r]).transpose();
        out.noalias() = withImplicit * Y.transpose();
        out.rowwise() += p[Block::RateItemBias].col(0).transpose();
        for (std::size_t r = 0; r < users.size(); ++r)
            out.row(Eigen::Index(r)).array() += p.mu + p[Block::RateUserBias](users[r], 0);
    }
    std::vector<T> predictPairs(const Params<T>& p, const UserItems& history, const std::vector<std::uint32_t>& users,
                                const std::vector<std::uint32_t>& items, const RowMatrix<T>& X,
                                const RowMatrix<T>& Y) const override
    {
        std::vector<T> out(users.size());
        for (std::size_t r = 0; r < users.size(); ++r) {
            const Vector<T> user = X.row(Eigen::Index(r)).transpose() + implicitSum(p, history, users[r]);
            out[r] = p.mu + p[Block::RateUserBias](users[r], 0) + p[Block::RateItemBias](items[r], 0) +
                     user.dot(Y.row(items[r]).transpose());
        }
        return out;
    }
};

} // namespace

template <typename T> std::unique_ptr<RatingComponent<T>> makeRating(Rater rater)
{
    switch (rater) {
    case Rater::SVD:
        return std::make_unique<SvdRating<T>>();
    case Rater::SVDpp:
        return std::make_unique<SvdPlusPlusRating<T>>();
    case Rater::None:
        break;
    }
    return nullptr;
}

template std::unique_ptr<RatingComponent<float>> makeRating<float>(Rater);
template std::unique_ptr<RatingComponent<double>> makeRating<double>(Rater);

} // namespace rnr
