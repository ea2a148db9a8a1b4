#include "plots/lossplot.h"

#include "plots/legendoutside.h"
#include "plots/palette.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace rnr {

LossPlot::LossPlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_seriesBox(new QComboBox(this)),
      m_batchBox(new QCheckBox(tr("Per-&batch curves"), this)), m_smoothingBox(new QDoubleSpinBox(this))
{
    m_batchBox->setChecked(true);
    m_batchBox->setToolTip(tr("Thin lines: the training losses within each epoch, reported every few "
                              "milliseconds; the markers are the epoch means."));
    m_smoothingBox->setRange(0.0, 0.99);
    m_smoothingBox->setSingleStep(0.05);
    m_smoothingBox->setValue(0.6);
    m_smoothingBox->setToolTip(tr("Exponential moving average of the per-batch curves: the weight of the past "
                                  "(0 = raw values)."));
    connect(m_batchBox, &QCheckBox::toggled, this, [this] { rebuild(); });
    connect(m_smoothingBox, &QDoubleSpinBox::valueChanged, this, [this] { rebuild(); });
    const std::pair<Series, QString> series[] = {
        {Series::Objective, tr("Total loss")},       {Series::Ranking, tr("Ranking loss")},
        {Series::Rating, tr("Rating or like loss")}, {Series::Regularisation, tr("Regularisation")},
        {Series::Recall, tr("Validation Recall@k")}, {Series::Mrr, tr("Validation MRR@k")},
        {Series::Ndcg, tr("Validation NDCG@k")},     {Series::Rmse, tr("Validation RMSE")}};
    for (const auto& [s, label] : series)
        m_seriesBox->addItem(label, int(s));
    connect(m_seriesBox, &QComboBox::currentIndexChanged, this,
            [this] { setSeries(static_cast<Series>(m_seriesBox->currentData().toInt())); });

    m_plot->setMinimumSize(360, 240);
    // A click on a legend entry shows or hides its run; entries are not selectable (a selected
    // entry was drawn highlighted while its run was hidden).
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spNone);
    placeLegendOutside(m_plot); // never over the curves or the best validation point
    followPalette(m_plot);
    addPlotMenu(m_plot);
    m_plot->xAxis->setLabel(tr("Epoch"));
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0); // whole epochs, coarser multiples when zoomed out
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(m_seriesBox->currentText());
    toggleRunsOnLegendClick(m_plot, [this](QCPAbstractPlottable* p, bool visible) {
        for (const Run& run : std::as_const(m_runs))
            if (run.graph == p)
                run.batchGraph->setVisible(visible);
    });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_seriesBox);
    top->addSpacing(12);
    top->addWidget(m_batchBox);
    top->addWidget(new QLabel(tr("Smoothing:"), this));
    top->addWidget(m_smoothingBox);
    top->addStretch();
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_plot, 1);

    m_paintTimer.setInterval(40);
    connect(&m_paintTimer, &QTimer::timeout, this, &LossPlot::flush);
    m_paintTimer.start();
}

double LossPlot::value(const EpochRecord& e, Series series)
{
    const double none = std::nan("");
    switch (series) {
    case Series::Objective:
        return e.objective;
    case Series::Ranking:
        return e.rankingLoss;
    case Series::Rating:
        return e.ratingLoss;
    case Series::Regularisation:
        return e.regularisation;
    case Series::Recall:
        return e.validation ? e.validation->recall : none;
    case Series::Mrr:
        return e.validation ? e.validation->mrr : none;
    case Series::Ndcg:
        return e.validation ? e.validation->ndcg : none;
    case Series::Rmse:
        return e.validation ? e.validation->rmse : none;
    }
    return none;
}

double LossPlot::batchValue(const BatchProgress& p, Series series)
{
    switch (series) {
    case Series::Objective:
        return p.objective;
    case Series::Ranking:
        return p.rankingLoss;
    case Series::Rating:
        return p.ratingLoss;
    case Series::Regularisation:
        return p.regularisation;
    default:
        return std::nan(""); // validation figures exist per epoch only
    }
}

void LossPlot::addRun(quint64 runId, const QString& name)
{
    Run run;
    run.name = name;
    const QColor colour = palette::series(int(m_order.size()));
    run.batchGraph = m_plot->addGraph();
    run.batchGraph->removeFromLegend();
    QColor faint = colour;
    faint.setAlpha(120);
    run.batchGraph->setPen(QPen(faint, 1.0));
    run.graph = m_plot->addGraph();
    run.graph->setName(name);
    QPen pen(colour);
    pen.setWidthF(2.0);
    run.graph->setPen(pen);
    run.graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    m_runs.insert(runId, run);
    m_order.append(runId);
    emit runAdded(runId, name);
}

void LossPlot::appendEpoch(quint64 runId, const EpochRecord& epoch)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    it->epochs.push_back(epoch); // drawn by the next timer tick
    emit epochAppended(runId, epoch);
}

void LossPlot::appendBatch(quint64 runId, const BatchProgress& progress)
{
    auto it = m_runs.find(runId);
    if (it != m_runs.end() && progress.tuplesTotal > 0)
        it->batches.push_back(progress); // drawn by the next timer tick
}

void LossPlot::setSmoothing(double smoothing)
{
    m_smoothingBox->setValue(smoothing);
}

void LossPlot::setBatchCurves(bool shown)
{
    m_batchBox->setChecked(shown);
}

int LossPlot::batchPointCount(quint64 runId) const
{
    const auto it = m_runs.find(runId);
    return it == m_runs.end() ? 0 : it->batchGraph->dataCount();
}

void LossPlot::renameRun(quint64 runId, const QString& name)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    it->name = name;
    it->graph->setName(name);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit runRenamed(runId, name);
}

void LossPlot::removeRun(quint64 runId)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    m_plot->removeGraph(it->batchGraph);
    m_plot->removeGraph(it->graph);
    m_runs.erase(it);
    m_order.removeAll(runId);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    emit runRemoved(runId);
}

void LossPlot::setSeries(Series series)
{
    m_series = series;
    const int index = m_seriesBox->findData(int(series));
    if (index >= 0 && index != m_seriesBox->currentIndex())
        m_seriesBox->setCurrentIndex(index);
    m_plot->yAxis->setLabel(m_seriesBox->currentText());
    rebuild();
}

void LossPlot::rebuild()
{
    for (auto& run : m_runs) {
        run.graph->data()->clear();
        run.drawn = 0;
        run.batchGraph->data()->clear();
        run.batchesDrawn = 0;
    }
    flush();
}

void LossPlot::flush()
{
    bool added = false;
    for (auto& run : m_runs) {
        for (; run.drawn < run.epochs.size(); ++run.drawn) {
            const double y = value(run.epochs[run.drawn], m_series);
            if (std::isfinite(y))
                run.graph->addData(run.epochs[run.drawn].epoch, y);
            added = true;
        }
        const double keep = m_smoothingBox->value();
        for (; run.batchesDrawn < run.batches.size(); ++run.batchesDrawn) {
            const BatchProgress& p = run.batches[run.batchesDrawn];
            const double y = batchValue(p, m_series);
            if (!m_batchBox->isChecked() || !std::isfinite(y))
                continue;
            run.average = run.batchGraph->dataCount() == 0 ? y : keep * run.average + (1.0 - keep) * y;
            run.batchGraph->addData(double(p.epoch - 1) + double(p.tuplesDone) / double(p.tuplesTotal), run.average);
            added = true;
        }
    }
    if (!added)
        return;
    m_plot->rescaleAxes(true);
    // A margin so that the first and last points are not cut by the frame.
    const QCPRange y = m_plot->yAxis->range();
    const double pad = std::max(y.size() * 0.06, std::abs(y.center()) * 1e-3 + 1e-9);
    m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    m_plot->xAxis->setRange(0, m_plot->xAxis->range().upper + 0.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

int LossPlot::pointCount(quint64 runId) const
{
    const auto it = m_runs.find(runId);
    return it == m_runs.end() ? 0 : it->graph->dataCount();
}

bool LossPlot::exportImage(const QString& path)
{
    flush();
    const QString lower = path.toLower();
    if (lower.endsWith(QLatin1String(".pdf")))
        return m_plot->savePdf(path);
    if (lower.endsWith(QLatin1String(".jpg")) || lower.endsWith(QLatin1String(".jpeg")))
        return m_plot->saveJpg(path);
    return m_plot->savePng(path);
}

} // namespace rnr
