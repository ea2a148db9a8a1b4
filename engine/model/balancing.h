#pragma once

// How a multi-task model weighs its two losses (docs/method.md, "Loss balancing"): the choices of
// the `balance` hyper-parameter, described once for the CLI, the GUI and the docs.

#include <string>
#include <vector>

namespace rnr {

enum class Balance
{
    Fixed,       ///< alpha and 1 - alpha, as the paper
    Uncertainty, ///< learnt log-variances per task (Kendall et al., CVPR 2018)
    GradNorm,    ///< learnt weights that equalise the tasks' gradient norms (Chen et al., ICML 2018)
    DWA,         ///< weights from the ratio of each task's last two epoch losses (Liu et al., CVPR 2019)
    PCGrad,      ///< conflicting gradients projected onto each other's normal plane (Yu et al., NeurIPS 2020)
};

struct BalanceInfo
{
    Balance balance;
    std::string key;   ///< the value of --balance
    std::string label; ///< a menu entry (marked for translation, context "rnr::Balance")
    std::string help;  ///< what it does (marked for translation)
    /// The weights are learnt or scheduled, so alpha is not used and the grid does not search it.
    bool replacesAlpha;
    /// Each batch needs each task's own gradient (two passes instead of one).
    bool perTaskGradients;
    /// The hyper-parameter (key) the method has of its own, searched by the grid instead of alpha;
    /// empty when it has none.
    std::string parameter;
    /// The grid's values of that parameter (docs/method.md, "Grid").
    std::vector<double> gridValues;
};

/// Every choice, Fixed first.
const std::vector<BalanceInfo>& balanceInfo();
const BalanceInfo& findBalance(Balance balance);

} // namespace rnr
