#include "model/balancing.h"

#ifndef QT_TRANSLATE_NOOP
#define QT_TRANSLATE_NOOP(context, text) text
#endif

namespace rnr {

const std::vector<BalanceInfo>& balanceInfo()
{
    static const std::vector<BalanceInfo> info{
        {Balance::Fixed,
         "fixed",
         QT_TRANSLATE_NOOP("rnr::Balance", "Fixed weights"),
         QT_TRANSLATE_NOOP("rnr::Balance", "The ranking loss weighs \u03b1 and the rating loss 1 - \u03b1, as in the "
                                           "paper; the grid searches \u03b1."),
         false,
         false,
         "",
         {}},
        {Balance::Uncertainty,
         "uncertainty",
         QT_TRANSLATE_NOOP("rnr::Balance", "Uncertainty weighting"),
         QT_TRANSLATE_NOOP("rnr::Balance", "Each task's loss weighs exp(-s_t), with a learnt log-variance s_t "
                                           "added to the objective (Kendall et al., CVPR 2018); \u03b1 is not "
                                           "used."),
         true,
         false,
         "",
         {}},
        {Balance::GradNorm,
         "gradnorm",
         QT_TRANSLATE_NOOP("rnr::Balance", "GradNorm"),
         QT_TRANSLATE_NOOP("rnr::Balance", "Learnt task weights that pull the tasks' gradient norms on the shared "
                                           "embeddings towards their mean, the slower task more (asymmetry a; "
                                           "Chen et al., ICML 2018); \u03b1 is not used."),
         true,
         true,
         "gradnorm-asymmetry",
         {0.5, 1.5}},
        {Balance::DWA,
         "dwa",
         QT_TRANSLATE_NOOP("rnr::Balance", "Dynamic weight average"),
         QT_TRANSLATE_NOOP("rnr::Balance", "Each epoch's weights from the ratio of each task's last two epoch losses, "
                                           "softened by a temperature (Liu et al., CVPR 2019); \u03b1 is not used."),
         true,
         false,
         "dwa-temperature",
         {1.0, 2.0}},
        {Balance::PCGrad,
         "pcgrad",
         QT_TRANSLATE_NOOP("rnr::Balance", "PCGrad"),
         QT_TRANSLATE_NOOP("rnr::Balance", "Where the weighted tasks' gradients on the shared parameters conflict, "
                                           "each is projected onto the normal plane of the other (Yu et al., "
                                           "NeurIPS 2020); the grid searches \u03b1."),
         false,
         true,
         "",
         {}},
    };
    return info;
}

const BalanceInfo& findBalance(Balance balance)
{
    for (const BalanceInfo& info : balanceInfo())
        if (info.balance == balance)
            return info;
    return balanceInfo().front();
}

} // namespace rnr
