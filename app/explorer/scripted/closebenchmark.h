#pragma once

#include <QCoreApplication>
#include <QString>

namespace rnr {

class MainWindow;

/// `rnr-explorer --measure-close`: how long the process outlives its window when the window is
/// closed during training (docs/product-notes.md, "Budgets": the process is gone within 300 ms).
/// The benchmark starts the program again as a child (`--close-child F`) for each round: the
/// child trains RnR(BPR, SVD) on the data set given (the demo data by default) and closes its window the fraction F of
/// an epoch into the second epoch (round r of n: F = (r + 0.5) / n, so the rounds spread over the epoch), printing when
/// each phase ended on the monotonic clock the parent shares; the parent adds when the child process was gone and
/// reports, per phase, the median and the largest time after the close over the rounds.
class CloseBenchmark
{
    Q_DECLARE_TR_FUNCTIONS(CloseBenchmark)

public:
    /// The parent: runs `rounds` children of `program` on `dataset` (empty: the demo data) and
    /// prints the report; the exit code.
    static int run(const QString& program, const QString& dataset, int rounds, int threads);
    /// The child: trains on the window's data set and closes the window `fraction` of an epoch
    /// into the second epoch.
    static void arm(MainWindow& window, int threads, double fraction);
    /// Prints "phase NAME NANOSECONDS" (the monotonic clock) on standard output, flushed.
    static void phase(const char* name);
};

} // namespace rnr
