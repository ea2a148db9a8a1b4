#pragma once

#include <Eigen/Core>

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace rnr {

template <typename T> using RowMatrix = Eigen::Matrix<T, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
template <typename T> using Vector = Eigen::Matrix<T, Eigen::Dynamic, 1>;

/// The parameter blocks a model may have. Every block is a row-major matrix (vectors are one
/// column); blocks a model does not use stay empty.
enum class Block : int
{
    Users,            ///< U (N x d): p_u, shared; CDAE's user input node V
    Items,            ///< I (M x d): q_i, shared; CDAE's output matrix W_out
    Deviation,        ///< Id (M x d): RnR's q^d_i, zero-initialised
    FcWeight,         ///< W (d x d) of RnR's tied FC layer
    FcBias,           ///< c (1 x d)
    RankItemBias,     ///< b_i of BPR, b'_i of CDAE's output (M x 1)
    CdaeInput,        ///< CDAE's W_in (M x d)
    CdaeHiddenBias,   ///< CDAE's hidden bias b (1 x d)
    RateUserBias,     ///< b_u of SVD/SVD++ (N x 1)
    RateItemBias,     ///< b'_i of SVD/SVD++ (M x 1)
    Implicit,         ///< SVD++'s Z (M x d)
    ExpertWeight,     ///< MMoE/PLE: the experts' W_e stacked, level by level ((levels * experts * d) x d)
    ExpertBias,       ///< MMoE/PLE: the experts' c_e (levels * experts x d)
    GateWeight,       ///< MMoE/PLE: each level's and task's gate G_t stacked ((levels * 2 * gated) x d)
    GateBias,         ///< MMoE/PLE: each level's and task's gate bias h_t (levels * 2 x gated)
    SharedGateWeight, ///< two-level PLE: the first level's shared gate over every expert (experts x d)
    SharedGateBias,   ///< two-level PLE: its bias (1 x experts)
    TaskUsers,        ///< cross-stitch: the rating task's own user vectors (N x d)
    TaskItems,        ///< cross-stitch: the rating task's own item vectors (M x d)
    CrossStitch,      ///< cross-stitch: the units, one row per side (users, items): a_RR a_RP a_PR a_PP
    TaskLogVariance,  ///< uncertainty weighting: s_ranking, s_rating (1 x 2), each task's loss weighs exp(-s)
    LikeWeight,       ///< cascades (ESMM, pairwise): the like tower's tied layer W_L (d x d)
    LikeBias,         ///< its bias c_L (1 x d)
    LikeItemBias,     ///< the like logit's item bias b^L_i (M x 1)
    Count
};
inline constexpr int kBlockCount = static_cast<int>(Block::Count);
std::string_view blockName(Block block);
/// Whether lambda applies to the block (embeddings, deviations, FC layer, W_in, Z, the experts, the
/// gates' weights and the like tower's layer; not the models' biases nor the gates').
bool isRegularised(Block block);

/// All parameters of a model, in one precision.
template <typename T> struct Params
{
    std::array<RowMatrix<T>, kBlockCount> blocks;
    T mu = T(0); ///< the training mean rating (fixed, not learnt)

    RowMatrix<T>& operator[](Block b) { return blocks[static_cast<int>(b)]; }
    const RowMatrix<T>& operator[](Block b) const { return blocks[static_cast<int>(b)]; }

    template <typename U> Params<U> cast() const
    {
        Params<U> out;
        for (int b = 0; b < kBlockCount; ++b)
            out.blocks[b] = blocks[b].template cast<U>();
        out.mu = static_cast<U>(mu);
        return out;
    }
};

/// Gradient rows appended by components for one chunk of a batch; a row may appear many times.
template <typename T> struct RowGrads
{
    struct Entries
    {
        std::vector<std::uint32_t> rows;
        std::vector<T> values; ///< rows.size() x cols, row-major
        Eigen::Index cols = 0;
    };
    std::array<Entries, kBlockCount> blocks;

    /// Appends a zeroed gradient row for (block, row) and returns it to be filled. The map is
    /// valid only until the next add() to the same block (the storage may move): fill it first.
    Eigen::Map<Vector<T>> add(Block block, std::uint32_t row, Eigen::Index cols)
    {
        Entries& e = blocks[static_cast<int>(block)];
        e.cols = cols;
        e.rows.push_back(row);
        e.values.resize(e.values.size() + static_cast<std::size_t>(cols), T(0));
        return Eigen::Map<Vector<T>>(e.values.data() + e.values.size() - cols, cols);
    }
    void clear()
    {
        for (auto& e : blocks) {
            e.rows.clear();
            e.values.clear();
        }
    }
};

/// Gradients summed per distinct row: what the optimiser applies.
template <typename T> struct SummedGrads
{
    std::array<RowMatrix<T>, kBlockCount> sums;                  ///< same shapes as the parameters
    std::array<std::vector<std::uint32_t>, kBlockCount> touched; ///< distinct rows with a gradient
    std::array<std::vector<char>, kBlockCount> marked;

    void resizeLike(const Params<T>& params);
    void add(const RowGrads<T>& grads);
    /// Adds one block's entries only: blocks are independent, so they can be summed in parallel.
    void addBlock(const RowGrads<T>& grads, int block);
    /// Zeroes the touched rows and forgets them (cost proportional to what was touched).
    void reset();
    /// Forgets the touched rows of a block whose sums the caller already zeroed.
    void forget(int block);
};

} // namespace rnr
