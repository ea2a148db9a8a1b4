#include "plots/lazyreplot.h"

#include <QEvent>
#include <QPointer>
#include <QTimer>
#include <qcustomplot.h>

namespace rnr {

namespace {

constexpr char kStale[] = "rnrReplotWhenShown";

/// Redraws queued plots one per turn of the event loop, so that input and timers run between
/// two plots (a view of five plots never blocks for all five at once), and replots a stale plot
/// when it is shown. One instance serves every plot.
class Scheduler : public QObject
{
public:
    void enqueue(QCustomPlot* plot)
    {
        if (!m_queue.contains(plot))
            m_queue.append(plot);
        if (!m_scheduled) {
            m_scheduled = true;
            QTimer::singleShot(0, this, &Scheduler::drainOne);
        }
    }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::Show && watched->property(kStale).toBool()) {
            watched->setProperty(kStale, false);
            enqueue(static_cast<QCustomPlot*>(watched));
        }
        return false;
    }

private:
    void drainOne()
    {
        m_scheduled = false;
        while (!m_queue.isEmpty()) {
            const QPointer<QCustomPlot> plot = m_queue.takeFirst();
            if (plot) {
                plot->replot(QCustomPlot::rpImmediateRefresh);
                break;
            }
        }
        if (!m_queue.isEmpty()) {
            m_scheduled = true;
            QTimer::singleShot(0, this, &Scheduler::drainOne);
        }
    }

    QList<QPointer<QCustomPlot>> m_queue;
    bool m_scheduled = false;
};

Scheduler& scheduler()
{
    static Scheduler instance;
    return instance;
}

} // namespace

void requestReplot(QCustomPlot* plot)
{
    if (!plot->property(kStale).isValid())
        plot->installEventFilter(&scheduler());
    if (plot->isVisible()) {
        plot->setProperty(kStale, false);
        scheduler().enqueue(plot);
        return;
    }
    plot->setProperty(kStale, true);
}

bool replotPending(const QCustomPlot* plot)
{
    return plot->property(kStale).toBool();
}

} // namespace rnr
