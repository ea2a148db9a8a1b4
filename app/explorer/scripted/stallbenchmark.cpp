#include "scripted/stallbenchmark.h"

#include "jobs/enginebridge.h"
#include "panels/experimentpanel.h"
#include "panels/hyperparamform.h"
#include "window/mainwindow.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTabWidget>

#include <algorithm>

namespace rnr {

namespace {
constexpr int kIntervalMs = 2;
constexpr double kBudgetMs = 20.0;
} // namespace

StallBenchmark::StallBenchmark(MainWindow& window, int epochs, int threads)
    : m_window(window), m_epochs(epochs), m_threads(threads)
{
    m_heartbeat.setTimerType(Qt::PreciseTimer);
    m_heartbeat.setInterval(kIntervalMs);
    connect(&m_heartbeat, &QTimer::timeout, this, &StallBenchmark::beat);
    m_tabTimer.setInterval(300);
    connect(&m_tabTimer, &QTimer::timeout, this, [this] {
        QTabWidget* tabs = m_window.tabs();
        tabs->setCurrentIndex((tabs->currentIndex() + 1) % tabs->count());
    });
}

void StallBenchmark::warmUp()
{
    // As a real session has: every view shown once before, so first paints are not counted.
    QTabWidget* tabs = m_window.tabs();
    for (int tab = 0; tab < tabs->count(); ++tab) {
        tabs->setCurrentIndex(tab);
        QCoreApplication::processEvents();
    }
    tabs->setCurrentIndex(0);
    QCoreApplication::processEvents();
}

void StallBenchmark::watch(const QString& phase)
{
    m_phase = phase;
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_heartbeat.start();
    m_tabTimer.start();
}

void StallBenchmark::start()
{
    warmUp();
    watch(tr("training"));
    train();
}

void StallBenchmark::startWithLoad(const QString& path)
{
    warmUp();
    watch(tr("loading"));
    QElapsedTimer* loadClock = new QElapsedTimer;
    loadClock->start();
    connect(
        &m_window, &MainWindow::loadFinished, this,
        [this, loadClock](bool ok) {
            m_loadSeconds = double(loadClock->elapsed()) / 1000.0;
            delete loadClock;
            if (!ok) {
                Q_EMIT finished(tr("the data set could not be loaded"));
                return;
            }
            m_phase = tr("training");
            train();
        },
        Qt::SingleShotConnection);
    if (!m_window.openDataset(path))
        Q_EMIT finished(tr("the data set could not be opened"));
}

void StallBenchmark::train()
{
    ExperimentPanel* panel = m_window.experimentPanel();
    panel->setSpec(parseModelSpec(kDefaultModel));
    HyperParams hp = panel->params();
    hp.epochs = std::uint32_t(m_epochs);
    hp.threads = std::uint32_t(m_threads);
    panel->setParams(hp);
    connect(&m_window.bridge(), &EngineBridge::idle, this, [this] {
        m_trainSeconds = double(m_trainClock.elapsed()) / 1000.0;
        m_phase = tr("showing the results");
        QTimer::singleShot(1000, this, &StallBenchmark::finish); // the results are shown meanwhile
    });
    m_trainClock.start();
    if (m_window.startRun().isEmpty())
        Q_EMIT finished(tr("nothing to train on"));
}

void StallBenchmark::beat()
{
    const qint64 now = m_clock.nsecsElapsed();
    const double stall = std::max(0.0, double(now - m_last) / 1e6 - kIntervalMs);
    if (m_stalls.empty() || stall > m_largest) {
        m_largest = stall;
        m_largestAt = double(m_last) / 1e9;
        m_largestTab = m_window.tabs()->tabText(m_window.tabs()->currentIndex()).remove(QLatin1Char('&'));
        m_largestPhase = m_phase;
    }
    m_stalls.push_back(stall);
    m_last = now;
}

StallBenchmark::Figures StallBenchmark::summarise(std::vector<double> stalls)
{
    Figures f;
    if (stalls.empty())
        return f;
    std::sort(stalls.begin(), stalls.end());
    f.beats = int(stalls.size());
    f.largestMs = stalls.back();
    f.p99Ms = stalls[std::min(stalls.size() - 1, stalls.size() * 99 / 100)];
    f.overBudget = int(stalls.end() - std::upper_bound(stalls.begin(), stalls.end(), kBudgetMs));
    return f;
}

void StallBenchmark::finish()
{
    m_heartbeat.stop();
    m_tabTimer.stop();
    const Figures f = summarise(m_stalls);
    const Dataset& data = m_window.dataset();
    const QString loading =
        m_loadSeconds > 0 ? tr("loading it took %1 s and is counted; ").arg(m_loadSeconds, 0, 'f', 1) : QString();
    Q_EMIT finished(tr("GUI-thread stalls while training RnR(BPR, SVD) for %1 epochs on %2 threads (%3: %4 users, "
                       "%5 items, %6 ratings; %15training took %7 s; tabs switched every 300 ms):\n"
                       "  largest stall %8 ms (budget %9 ms), 99th percentile %10 ms, %11 of %12 heartbeats "
                       "late by more than the budget; the largest began %13 s in, while %16, with the %14 tab in "
                       "front")
                        .arg(m_epochs)
                        .arg(m_threads)
                        .arg(QString::fromStdString(data.name))
                        .arg(data.userCount())
                        .arg(data.itemCount())
                        .arg(data.interactions.size())
                        .arg(m_trainSeconds, 0, 'f', 1)
                        .arg(f.largestMs, 0, 'f', 1)
                        .arg(kBudgetMs, 0, 'f', 0)
                        .arg(f.p99Ms, 0, 'f', 1)
                        .arg(f.overBudget)
                        .arg(f.beats)
                        .arg(m_largestAt, 0, 'f', 2)
                        .arg(m_largestTab)
                        .arg(loading, m_largestPhase));
}

} // namespace rnr
