#include "train/balance.h"

#include "train/interplay.h"

#include <algorithm>
#include <cmath>

namespace rnr {

TaskWeights dwaWeights(const std::array<double, 2>& last, const std::array<double, 2>& beforeLast, double temperature)
{
    std::array<double, 2> e{};
    for (int t = 0; t < 2; ++t) {
        const double ratio = beforeLast[t] > 0 ? last[t] / beforeLast[t] : 1.0;
        e[t] = ratio / temperature;
    }
    const double top = std::max(e[0], e[1]); // subtracted for range: exp(e - top) <= 1
    const double r = std::exp(e[0] - top), p = std::exp(e[1] - top);
    return {r / (r + p), p / (r + p)};
}

GradNorm::GradNorm(double asymmetry, double learningRate) : m_asymmetry(asymmetry), m_rate(learningRate) {}

void GradNorm::update(const std::array<double, 2>& norms, const std::array<double, 2>& losses)
{
    if (m_step == 0)
        m_initial = losses;
    ++m_step;
    std::array<double, 2> ratio{}, g{};
    for (int t = 0; t < 2; ++t) {
        ratio[t] = m_initial[t] > 0 ? losses[t] / m_initial[t] : 1.0;
        g[t] = m_w[t] * norms[t];
    }
    const double meanRatio = (ratio[0] + ratio[1]) / 2, meanNorm = (g[0] + g[1]) / 2;
    constexpr double beta1 = 0.9, beta2 = 0.999, epsilon = 1e-8;
    const double c1 = 1 - std::pow(beta1, double(m_step)), c2 = 1 - std::pow(beta2, double(m_step));
    for (int t = 0; t < 2; ++t) {
        const double relative = meanRatio > 0 ? ratio[t] / meanRatio : 1.0;
        const double target = meanNorm * std::pow(relative, m_asymmetry);
        const double difference = g[t] - target;
        m_gradient[t] = (difference > 0 ? 1.0 : difference < 0 ? -1.0 : 0.0) * norms[t];
        m_first[t] = beta1 * m_first[t] + (1 - beta1) * m_gradient[t];
        m_second[t] = beta2 * m_second[t] + (1 - beta2) * m_gradient[t] * m_gradient[t];
        m_w[t] -= m_rate * (m_first[t] / c1) / (std::sqrt(m_second[t] / c2) + epsilon);
        m_w[t] = std::max(m_w[t], 1e-3);
    }
    const double sum = m_w[0] + m_w[1];
    m_w = {m_w[0] / sum, m_w[1] / sum};
}

SharedGeometry sharedGeometry(const SummedGrads<float>& a, const SummedGrads<float>& b)
{
    SharedGeometry out;
    for (const Block shared : kSharedBlocks) {
        const auto k = static_cast<std::size_t>(shared);
        if (a.touched[k].empty() || b.touched[k].empty())
            continue;
        const BlockGeometry g = blockGeometry(a, b, shared);
        out.shared[k] = true;
        out.dot += g.dot;
        out.a2 += g.a2;
        out.b2 += g.b2;
    }
    return out;
}

std::array<double, 2> pcgradCoefficients(double wa, double wb, const SharedGeometry& geometry)
{
    const double dot = wa * wb * geometry.dot; // A . B
    if (!(dot < 0) || geometry.a2 <= 0 || geometry.b2 <= 0)
        return {wa, wb};
    // A' + B' = wa a - (A.B / (wb^2 |b|^2)) wb b + wb b - (A.B / (wa^2 |a|^2)) wa a
    return {wa - dot / (wa * geometry.a2), wb - dot / (wb * geometry.b2)};
}

void combineBlock(SummedGrads<float>& out, SummedGrads<float>& a, SummedGrads<float>& b, int k, double ca, double cb)
{
    const float fa = float(ca), fb = float(cb);
    for (SummedGrads<float>* part : {&a, &b}) {
        const float c = part == &a ? fa : fb;
        for (const std::uint32_t row : part->touched[k]) {
            if (!out.marked[k][row]) {
                out.marked[k][row] = 1;
                out.touched[k].push_back(row);
            }
            out.sums[k].row(row) += c * part->sums[k].row(row);
            part->sums[k].row(row).setZero();
        }
        part->forget(k);
    }
}

} // namespace rnr
