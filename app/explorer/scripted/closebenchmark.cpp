#include "scripted/closebenchmark.h"

#include "jobs/enginebridge.h"
#include "panels/experimentpanel.h"
#include "window/mainwindow.h"

#include <QProcess>
#include <QTextStream>
#include <QTimer>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <vector>

namespace rnr {

namespace {
qint64 now()
{
    // steady_clock is CLOCK_MONOTONIC on Linux: the same clock in the parent and the child.
    return std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now().time_since_epoch())
        .count();
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    const std::size_t n = values.size();
    return n == 0 ? 0.0 : (n % 2 ? values[n / 2] : 0.5 * (values[n / 2 - 1] + values[n / 2]));
}
} // namespace

void CloseBenchmark::phase(const char* name)
{
    std::printf("phase %s %lld\n", name, static_cast<long long>(now()));
    std::fflush(stdout);
}

void CloseBenchmark::arm(MainWindow& window, int threads, double fraction)
{
    window.setCloseQuestion([] { return true; });
    ExperimentPanel* panel = window.experimentPanel();
    panel->setSpec(parseModelSpec(kDefaultModel));
    HyperParams hp = panel->params();
    hp.epochs = 1000; // never ends by itself
    hp.threads = std::uint32_t(std::max(1, threads));
    panel->setParams(hp);
    // The close lands `fraction` of an epoch into the second epoch (an epoch lasting as long as
    // the first did), so that the rounds together meet every part of it, validation included.
    const qint64 started = now();
    QObject::connect(
        &window.bridge(), &EngineBridge::epochFinished, &window,
        [&window, started, fraction] {
            const double epochMs = double(now() - started) / 1e6;
            QTimer::singleShot(std::max(1, int(fraction * epochMs)), &window, [&window] {
                phase("close");
                window.close();
                phase("window-hidden");
            });
        },
        Qt::SingleShotConnection);
    // The bridge's destroyed() comes after its destructor joined the engine thread.
    QObject::connect(&window.bridge(), &QObject::destroyed, [] { phase("engine-stopped"); });
    if (window.startRun().isEmpty())
        std::fprintf(stderr, "nothing to train on\n");
}

int CloseBenchmark::run(const QString& program, const QString& dataset, int rounds, int threads)
{
    QTextStream out(stdout);
    const QStringList order{QStringLiteral("window-hidden"), QStringLiteral("loop-ended"),
                            QStringLiteral("engine-stopped"), QStringLiteral("main-returned"),
                            QStringLiteral("process-gone")};
    std::map<QString, std::vector<double>> after; // phase -> ms after the close, per round
    for (int round = 0; round < rounds; ++round) {
        QProcess child;
        child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        const double fraction = (round + 0.5) / rounds; // where in the second epoch this round closes
        QStringList arguments{QStringLiteral("--close-child"), QString::number(fraction), QStringLiteral("--threads"),
                              QString::number(threads)};
        if (!dataset.isEmpty())
            arguments << dataset;
        child.start(program, arguments);
        if (!child.waitForStarted(10000) || !child.waitForFinished(120000)) {
            out << tr("round %1: the child did not end: %2").arg(round + 1).arg(child.errorString()) << '\n';
            return 1;
        }
        const qint64 gone = now();
        std::map<QString, qint64> at;
        for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
            const QList<QByteArray> parts = line.trimmed().split(' ');
            if (parts.size() == 3 && parts[0] == "phase")
                at[QString::fromLatin1(parts[1])] = parts[2].toLongLong();
        }
        at[QStringLiteral("process-gone")] = gone;
        if (!at.count(QStringLiteral("close")) || child.exitStatus() != QProcess::NormalExit || child.exitCode() != 0) {
            out << tr("round %1: the child did not close its window cleanly (exit code %2)")
                       .arg(round + 1)
                       .arg(child.exitCode())
                << '\n';
            return 1;
        }
        QStringList line;
        for (const QString& name : order)
            if (at.count(name)) {
                const double ms = double(at[name] - at[QStringLiteral("close")]) / 1e6;
                after[name].push_back(ms);
                line << tr("%1 %2 ms").arg(name).arg(ms, 0, 'f', 1);
            }
        out << tr("round %1 (closed %2% into an epoch): %3")
                   .arg(round + 1)
                   .arg(qRound(fraction * 100))
                   .arg(line.join(QStringLiteral(", ")))
            << '\n';
        out.flush();
    }
    out << tr("after closing the window during training (rounds: %1, threads: %2):").arg(rounds).arg(threads) << '\n';
    for (const QString& name : order)
        if (after.count(name)) {
            const std::vector<double>& ms = after[name];
            out << tr("  %1: median %2 ms, largest %3 ms")
                       .arg(name, -15)
                       .arg(median(ms), 0, 'f', 1)
                       .arg(*std::max_element(ms.begin(), ms.end()), 0, 'f', 1)
                << '\n';
        }
    return 0;
}

} // namespace rnr
