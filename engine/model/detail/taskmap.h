#pragma once

// Designs where both tasks read mapped vectors (MMoE, PLE, cross-stitch): the rating task's side
// of CouplingComponent written once on top of the design's mapForward() and mapBackward().

#include "model/detail/components.h"

namespace rnr {

template <typename T> class TaskMapCoupling : public CouplingComponent<T>
{
public:
    bool mapsRanking() const final { return true; }

    /// The rating task: the map of each tuple's user and item.
    void forward(const ChunkContext<T>& ctx, CouplingCache<T>& cache, RowMatrix<T>& X, RowMatrix<T>& Y) const final
    {
        std::vector<std::uint32_t> users, items;
        tupleIds(ctx, users, items);
        this->mapForward(ctx.params, Task::Rating, Side::Users, users, cache.userMap, X);
        this->mapForward(ctx.params, Task::Rating, Side::Items, items, cache.itemMap, Y);
    }
    void backward(ChunkContext<T>& ctx, const CouplingCache<T>& cache, const RowMatrix<T>&, const RowMatrix<T>&,
                  const RowMatrix<T>& dX, const RowMatrix<T>& dY) const final
    {
        std::vector<std::uint32_t> users, items;
        tupleIds(ctx, users, items);
        this->mapBackward(ctx, Task::Rating, Side::Users, users, cache.userMap, dX);
        this->mapBackward(ctx, Task::Rating, Side::Items, items, cache.itemMap, dY);
    }
    RowMatrix<T> userVectors(const Params<T>& p, const std::vector<std::uint32_t>& users) const final
    {
        MapCache<T> cache;
        RowMatrix<T> out;
        this->mapForward(p, Task::Rating, Side::Users, users, cache, out);
        return out;
    }
    RowMatrix<T> itemVectors(const Params<T>& p) const final
    {
        std::vector<std::uint32_t> all(std::size_t(p[Block::Items].rows()));
        for (std::size_t i = 0; i < all.size(); ++i)
            all[i] = std::uint32_t(i);
        MapCache<T> cache;
        RowMatrix<T> out;
        this->mapForward(p, Task::Rating, Side::Items, all, cache, out);
        return out;
    }

private:
    static void tupleIds(const ChunkContext<T>& ctx, std::vector<std::uint32_t>& users,
                         std::vector<std::uint32_t>& items)
    {
        users.assign(ctx.batch.users.begin() + std::ptrdiff_t(ctx.range.tupleBegin),
                     ctx.batch.users.begin() + std::ptrdiff_t(ctx.range.tupleEnd));
        items.assign(ctx.batch.items.begin() + std::ptrdiff_t(ctx.range.tupleBegin),
                     ctx.batch.items.begin() + std::ptrdiff_t(ctx.range.tupleEnd));
    }
};

} // namespace rnr
