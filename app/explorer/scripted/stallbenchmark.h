#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QString>
#include <QTimer>

#include <vector>

namespace rnr {

class MainWindow;

/// `rnr-explorer --measure-stalls`: how responsive the GUI stays while a model trains. A 2 ms
/// heartbeat timer runs on the GUI thread while RnR(BPR, SVD) trains on the window's data set
/// and the tabs are switched every 300 ms like a user looking around; every gap between beats
/// beyond the interval is time the GUI thread could not react. Reports the largest stall, the
/// 99th percentile and the count above the 20 ms budget (docs/product-notes.md, "Budgets"), up to a second after the
/// run finished, so that showing the results is counted too. Every view is shown once before
/// (as in a real session), so first-paint costs such as font caching are not counted.
class StallBenchmark : public QObject
{
    Q_OBJECT

public:
    StallBenchmark(MainWindow& window, int epochs, int threads);
    /// Trains on the data set the window shows.
    void start();
    /// Opens a data set file and then trains on it; the load is watched too (the loader's work
    /// and showing the data set count like the rest).
    void startWithLoad(const QString& path);

    struct Figures
    {
        double largestMs = 0, p99Ms = 0;
        int beats = 0, overBudget = 0; ///< heartbeats late by more than the 20 ms budget
    };
    static Figures summarise(std::vector<double> stallsMs);

Q_SIGNALS:
    void finished(const QString& report);

private:
    void warmUp();
    void watch(const QString& phase);
    void train();
    void beat();
    void finish();

    MainWindow& m_window;
    int m_epochs;
    int m_threads;
    QTimer m_heartbeat;
    QTimer m_tabTimer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_stalls; ///< per beat: ms beyond the interval
    QElapsedTimer m_trainClock;
    double m_trainSeconds = 0;
    double m_largest = 0;   ///< the largest stall so far (ms)
    double m_largestAt = 0; ///< seconds since the start when the largest stall began
    QString m_largestTab;   ///< the tab in front then
    QString m_phase;        ///< loading, training, showing the results
    QString m_largestPhase; ///< the phase of the largest stall
    double m_loadSeconds = 0;
};

} // namespace rnr
