#include "plots/interplayplot.h"

#include "plots/legendoutside.h"
#include "plots/lossplot.h"
#include "plots/palette.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace rnr {

InterplayPlot::InterplayPlot(QWidget* parent)
    : QWidget(parent), m_plot(new QCustomPlot(this)), m_gates(new QCustomPlot(this)), m_seriesBox(new QComboBox(this)),
      m_gateRunBox(new QComboBox(this)), m_sideBox(new QComboBox(this)), m_hint(new QLabel(this))
{
    const std::pair<Series, QString> series[] = {
        {Series::CosineItems, tr("Cosine of the task gradients on item vectors")},
        {Series::CosineUsers, tr("Cosine of the task gradients on user vectors")},
        {Series::ConflictShare, tr("Share of shared rows in conflict")},
        {Series::BatchConflictShare, tr("Share of batches in conflict")},
        {Series::NormRanking, tr("Ranking gradient norm")},
        {Series::NormRating, tr("Rating gradient norm")},
        {Series::RankingWeight, tr("Ranking task weight")},
        {Series::RatingWeight, tr("Rating task weight")}};
    for (const auto& [s, label] : series)
        m_seriesBox->addItem(label, int(s));
    m_seriesBox->setToolTip(tr("Measured on 16 batches of every epoch, before their step: each task's own gradient "
                               "on the user and item vectors both tasks share. A cosine below 0, or a row whose two "
                               "gradients point apart, is a conflict."));
    connect(m_seriesBox, &QComboBox::currentIndexChanged, this,
            [this] { setSeries(static_cast<Series>(m_seriesBox->currentData().toInt())); });
    m_hint->setWordWrap(true);
    m_hint->setText(tr("The paper's hypothesis: RnR's deviation and tied layer take the conflict off the shared item "
                       "vectors that vanilla sharing suffers — a higher cosine on item vectors and fewer rows in "
                       "conflict than vanilla, on the same data and seeds. Single-task runs have no curve here."));

    m_plot->setMinimumSize(360, 220);
    m_plot->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_plot->legend->setVisible(true);
    m_plot->legend->setSelectableParts(QCPLegend::spNone);
    placeLegendOutside(m_plot);
    followPalette(m_plot);
    addPlotMenu(m_plot);
    m_plot->xAxis->setLabel(tr("Epoch"));
    auto ticker = QSharedPointer<QCPAxisTickerFixed>::create();
    ticker->setTickStep(1.0);
    ticker->setScaleStrategy(QCPAxisTickerFixed::ssMultiples);
    m_plot->xAxis->setTicker(ticker);
    m_plot->yAxis->setLabel(m_seriesBox->currentText());
    toggleRunsOnLegendClick(m_plot);

    // The gates: one bar per expert and task, grouped by expert.
    m_gates->setMinimumSize(360, 160);
    followPalette(m_gates);
    addPlotMenu(m_gates);
    m_gates->legend->setVisible(true);
    m_gates->legend->setSelectableParts(QCPLegend::spNone);
    placeLegendOutside(m_gates);
    m_gates->xAxis->setLabel(tr("Expert"));
    m_gates->yAxis->setLabel(tr("Mean gate weight"));
    m_gates->xAxis->setTicker(ticker);
    auto* group = new QCPBarsGroup(m_gates);
    m_rankingBars = new QCPBars(m_gates->xAxis, m_gates->yAxis);
    m_ratingBars = new QCPBars(m_gates->xAxis, m_gates->yAxis);
    m_rankingBars->setName(tr("Ranking task"));
    m_ratingBars->setName(tr("Rating task"));
    for (QCPBars* bars : {m_rankingBars, m_ratingBars}) {
        const QColor colour = palette::series(bars == m_rankingBars ? 0 : 1);
        bars->setPen(QPen(colour.darker(120)));
        bars->setBrush(colour);
        bars->setWidth(0.38);
        bars->setBarsGroup(group);
    }
    m_gateRunBox->setToolTip(tr("The run whose gates are shown: its last epoch's mean weight of each expert in each "
                                "task's gate (MMoE and PLE runs only). For PLE, each task's own expert has no "
                                "weight in the other task's gate."));
    m_sideBox->addItem(tr("Users"), false);
    m_sideBox->addItem(tr("Items"), true);
    m_sideBox->setCurrentIndex(1);
    connect(m_gateRunBox, &QComboBox::currentIndexChanged, this, [this] { drawGates(); });
    connect(m_sideBox, &QComboBox::currentIndexChanged, this, [this] { drawGates(); });

    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("Show:"), this));
    top->addWidget(m_seriesBox);
    top->addStretch();
    // The gates only while a run with experts is shown.
    m_gatePanel = new QWidget(this);
    auto* gateBar = new QHBoxLayout;
    gateBar->addWidget(new QLabel(tr("Gates of:"), m_gatePanel));
    gateBar->addWidget(m_gateRunBox, 1);
    gateBar->addWidget(m_sideBox);
    gateBar->addStretch();
    auto* gateLayout = new QVBoxLayout(m_gatePanel);
    gateLayout->setContentsMargins(0, 0, 0, 0);
    gateLayout->addLayout(gateBar);
    gateLayout->addWidget(m_gates, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_hint);
    layout->addWidget(m_plot, 3);
    layout->addWidget(m_gatePanel, 2);
    refillGateRuns();

    m_paintTimer.setInterval(40);
    connect(&m_paintTimer, &QTimer::timeout, this, &InterplayPlot::flush);
    m_paintTimer.start();
}

void InterplayPlot::follow(LossPlot* plot)
{
    connect(plot, &LossPlot::runAdded, this, &InterplayPlot::addRun);
    connect(plot, &LossPlot::runRemoved, this, &InterplayPlot::removeRun);
    connect(plot, &LossPlot::runRenamed, this, &InterplayPlot::renameRun);
    connect(plot, &LossPlot::epochAppended, this, &InterplayPlot::appendEpoch);
}

double InterplayPlot::value(const Interplay& i, Series series)
{
    switch (series) {
    case Series::CosineItems:
        return i.cosineItems;
    case Series::CosineUsers:
        return i.cosineUsers;
    case Series::ConflictShare:
        return i.conflictShare;
    case Series::BatchConflictShare:
        return i.batchConflictShare;
    case Series::NormRanking:
        return i.normRanking;
    case Series::NormRating:
        return i.normRating;
    case Series::RankingWeight:
        return i.rankingWeight;
    case Series::RatingWeight:
        return i.ratingWeight;
    }
    return std::nan("");
}

void InterplayPlot::addRun(quint64 runId, const QString& name)
{
    Run run;
    run.name = name;
    run.colour = int(m_order.size()); // the colour the Training tab gives it
    m_runs.insert(runId, run);
    m_order.append(runId);
}

void InterplayPlot::appendEpoch(quint64 runId, const EpochRecord& epoch)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end() || !epoch.interplay)
        return;
    if (!it->graph) {
        it->graph = m_plot->addGraph();
        it->graph->setName(it->name);
        QPen pen(palette::series(it->colour));
        pen.setWidthF(2.0);
        it->graph->setPen(pen);
        it->graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 5));
    }
    it->epochs.push_back(epoch); // drawn by the next timer tick
    if (!epoch.interplay->gates[0][0].empty())
        m_gatesStale = true;
}

void InterplayPlot::removeRun(quint64 runId)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    if (it->graph)
        m_plot->removeGraph(it->graph);
    m_runs.erase(it);
    m_order.removeAll(runId);
    refillGateRuns();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void InterplayPlot::renameRun(quint64 runId, const QString& name)
{
    auto it = m_runs.find(runId);
    if (it == m_runs.end())
        return;
    it->name = name;
    if (it->graph)
        it->graph->setName(name);
    refillGateRuns();
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void InterplayPlot::setSeries(Series series)
{
    m_series = series;
    const int index = m_seriesBox->findData(int(series));
    if (index >= 0 && index != m_seriesBox->currentIndex())
        m_seriesBox->setCurrentIndex(index);
    m_plot->yAxis->setLabel(m_seriesBox->currentText());
    rebuild();
}

void InterplayPlot::showGates(quint64 runId, bool items)
{
    flush();
    m_sideBox->setCurrentIndex(items ? 1 : 0);
    const int index = m_gateRunBox->findData(runId);
    if (index >= 0)
        m_gateRunBox->setCurrentIndex(index);
    drawGates();
}

quint64 InterplayPlot::gatesRun() const
{
    return m_gateRunBox->currentData().toULongLong();
}

void InterplayPlot::rebuild()
{
    for (auto& run : m_runs)
        if (run.graph) {
            run.graph->data()->clear();
            run.drawn = 0;
        }
    flush();
}

void InterplayPlot::flush()
{
    if (m_gatesStale) {
        m_gatesStale = false;
        refillGateRuns();
    }
    bool added = false;
    for (auto& run : m_runs) {
        for (; run.drawn < run.epochs.size(); ++run.drawn) {
            const double y = value(*run.epochs[run.drawn].interplay, m_series);
            if (std::isfinite(y))
                run.graph->addData(run.epochs[run.drawn].epoch, y);
            added = true;
        }
    }
    if (!added)
        return;
    m_plot->rescaleAxes(true);
    QCPRange y = m_plot->yAxis->range();
    if (m_series == Series::CosineItems || m_series == Series::CosineUsers)
        y.expand(0.0); // the line between agreeing and conflicting stays in view
    const double pad = std::max(y.size() * 0.06, std::abs(y.center()) * 1e-3 + 1e-9);
    m_plot->yAxis->setRange(y.lower - pad, y.upper + pad);
    m_plot->xAxis->setRange(0, m_plot->xAxis->range().upper + 0.5);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void InterplayPlot::refillGateRuns()
{
    const quint64 shown = gatesRun();
    const QSignalBlocker block(m_gateRunBox);
    m_gateRunBox->clear();
    for (const quint64 id : std::as_const(m_order)) {
        const Run& run = m_runs[id];
        if (!run.epochs.empty() && !run.epochs.back().interplay->gates[0][0].empty())
            m_gateRunBox->addItem(run.name, id);
    }
    m_gatePanel->setVisible(m_gateRunBox->count() > 0);
    if (m_gateRunBox->count() == 0)
        m_gateRunBox->addItem(tr("(no run with experts yet)"), quint64(0));
    const int index = m_gateRunBox->findData(shown);
    m_gateRunBox->setCurrentIndex(index >= 0 ? index : m_gateRunBox->count() - 1); // else the newest
    drawGates();
}

void InterplayPlot::drawGates()
{
    m_rankingBars->data()->clear();
    m_ratingBars->data()->clear();
    const auto it = m_runs.constFind(gatesRun());
    if (it != m_runs.constEnd() && !it->epochs.empty()) {
        const auto& gates = it->epochs.back().interplay->gates;
        const std::size_t side = m_sideBox->currentData().toBool() ? 1 : 0;
        auto labels = QSharedPointer<QCPAxisTickerText>::create();
        int shared = 0;
        for (std::size_t e = 0; e < std::min(gates[0][side].size(), gates[1][side].size()); ++e) {
            const double ranking = gates[0][side][e], rating = gates[1][side][e];
            m_rankingBars->addData(double(e + 1), ranking);
            m_ratingBars->addData(double(e + 1), rating);
            // An expert outside one task's gate is the other task's own (PLE); softmax weights are never 0.
            labels->addTick(double(e + 1), ranking == 0.0  ? tr("rating's own")
                                           : rating == 0.0 ? tr("ranking's own")
                                                           : tr("shared %1").arg(++shared));
        }
        m_gates->xAxis->setTicker(labels);
    }
    m_gates->rescaleAxes(true);
    m_gates->xAxis->setRange(0.4, std::max(1.6, m_gates->xAxis->range().upper + 0.6));
    m_gates->yAxis->setRange(0, std::max(0.05, m_gates->yAxis->range().upper * 1.1));
    m_gates->replot(QCustomPlot::rpQueuedReplot);
}

int InterplayPlot::pointCount(quint64 runId) const
{
    const auto it = m_runs.find(runId);
    return it == m_runs.end() || !it->graph ? 0 : it->graph->dataCount();
}

bool InterplayPlot::gatesShown() const
{
    return !m_gatePanel->isHidden();
}

int InterplayPlot::gateBarCount() const
{
    return m_rankingBars->dataCount();
}

} // namespace rnr
