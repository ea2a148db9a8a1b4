#include "plots/plotstyle.h"

#include <QEvent>
#include <QPalette>
#include <qcustomplot.h>

namespace rnr {

namespace {
void styleAxis(QCPAxis* axis, const QColor& text, const QColor& grid)
{
    QPen line(text, 0);
    axis->setBasePen(line);
    axis->setTickPen(line);
    axis->setSubTickPen(line);
    axis->setTickLabelColor(text);
    axis->setLabelColor(text);
    QColor faint = grid;
    faint.setAlpha(110);
    axis->grid()->setPen(QPen(faint, 0, Qt::DotLine));
    axis->grid()->setSubGridPen(QPen(faint, 0, Qt::DotLine));
    axis->grid()->setZeroLinePen(QPen(grid, 0));
}

/// Re-applies the palette when the plot's palette or style changes.
class PaletteFollower : public QObject
{
public:
    explicit PaletteFollower(QCustomPlot* plot) : QObject(plot), m_plot(plot) { plot->installEventFilter(this); }

    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (watched == m_plot && (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange)) {
            applyPalette(m_plot, m_plot->palette());
            m_plot->replot(QCustomPlot::rpQueuedReplot);
        }
        return QObject::eventFilter(watched, event);
    }

private:
    QCustomPlot* m_plot;
};
} // namespace

void applyPalette(QCustomPlot* plot, const QPalette& palette)
{
    const QColor base = palette.color(QPalette::Base);
    const QColor text = palette.color(QPalette::Text);
    const QColor grid = palette.color(QPalette::Mid);
    plot->setBackground(base);
    for (QCPAxisRect* rect : plot->axisRects()) {
        rect->setBackground(Qt::NoBrush);
        for (QCPAxis* axis : rect->axes())
            styleAxis(axis, text, grid);
    }
    for (QCPLayoutElement* element : plot->plotLayout()->elements(true)) {
        if (auto* title = qobject_cast<QCPTextElement*>(element))
            title->setTextColor(text);
        else if (auto* scale = qobject_cast<QCPColorScale*>(element))
            styleAxis(scale->axis(), text, grid);
    }
    QColor box = base;
    box.setAlpha(220);
    plot->legend->setBrush(box);
    plot->legend->setBorderPen(QPen(grid, 0));
    plot->legend->setTextColor(text);
    for (int i = 0; i < plot->legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = plot->legend->item(i); item && item->textColor() != QColor(Qt::gray))
            item->setTextColor(text); // a greyed entry (a hidden run) stays grey
}

void followPalette(QCustomPlot* plot)
{
    applyPalette(plot, plot->palette());
    new PaletteFollower(plot);
}

void toggleRunsOnLegendClick(QCustomPlot* plot, std::function<void(QCPAbstractPlottable*, bool)> also)
{
    QObject::connect(plot, &QCustomPlot::legendClick, plot,
                     [plot, also](QCPLegend*, QCPAbstractLegendItem* item, QMouseEvent*) {
                         auto* plItem = qobject_cast<QCPPlottableLegendItem*>(item);
                         if (!plItem)
                             return;
                         QCPAbstractPlottable* p = plItem->plottable();
                         p->setVisible(!p->visible());
                         if (also)
                             also(p, p->visible());
                         plItem->setTextColor(p->visible() ? plot->palette().color(QPalette::Text) : QColor(Qt::gray));
                         QFont font = plItem->font();
                         font.setItalic(!p->visible());
                         plItem->setFont(font);
                         plot->replot(QCustomPlot::rpQueuedReplot);
                     });
}

} // namespace rnr
