#include "views/deviationview.h"

#include "views/backgroundwork.h"

#include "panels/itemsearch.h"
#include "panels/runpicker.h"
#include "plots/lazyreplot.h"
#include "plots/palette.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "plots/pointcloud.h"

#include "analysis/projection.h"

#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace rnr {

namespace {
constexpr int kTopItems = 25; ///< rows of the "deviates most" table
constexpr int kArrows = 40;   ///< arrows drawn for the most deviating items
const QColor kBlue = palette::series(0), kOrange = palette::series(1);

void titled(QCustomPlot* plot, const QString& title)
{
    plot->plotLayout()->insertRow(0);
    plot->plotLayout()->addElement(0, 0,
                                   new QCPTextElement(plot, title, QFont(plot->font().family(), 10, QFont::Bold)));
}
} // namespace

DeviationView::DeviationView(QWidget* parent)
    : QWidget(parent), m_caption(new QLabel(this)), m_picker(new RunPicker(this)), m_top(new QTableWidget(this)),
      m_search(new ItemSearch(this)), m_work(new BackgroundWork(this))
{
    connect(m_search, &ItemSearch::itemChosen, this, [this](std::uint32_t item) {
        selectItem(item);
        Q_EMIT itemSelected(item);
    });
    connect(m_picker, &RunPicker::chosen, this, &DeviationView::setRun);
    connect(m_work, &BackgroundWork::delivered, this, &DeviationView::ready);
    connect(m_picker, &RunPicker::shownRenamed, this, [this](const QString& oldName, const QString& name) {
        RunPicker::renameCaption(m_caption, oldName, name);
        m_name = name; // a summary still under way captions itself with the new name
    });
    connect(m_picker, &RunPicker::cleared, this, &DeviationView::clearRuns);
    const QString titles[5] = {tr("Distribution of \u2016q^d_i\u2016"), tr("\u2016q^d_i\u2016 against popularity"),
                               tr("\u2016q^d_i\u2016 against mean rating"), tr("q_i \u2192 q_i + q^d_i (PCA of q)"),
                               tr("Learnt against true\n(demo data)")};
    for (int p = 0; p < 5; ++p) {
        m_plots[p] = new QCustomPlot(this);
        m_plots[p]->setMinimumSize(200, 180);
        m_plots[p]->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        titled(m_plots[p], titles[p]);
        followPalette(m_plots[p]);
        addPlotMenu(m_plots[p]);
        // Narrow plots: fewer, rounder x ticks, so that their labels never run together.
        m_plots[p]->xAxis->ticker()->setTickCount(3);
        m_plots[p]->xAxis->ticker()->setTickStepStrategy(QCPAxisTicker::tssReadability);
    }
    m_top->setColumnCount(4);
    m_top->setHorizontalHeaderLabels({tr("Item"), tr("\u2016q^d_i\u2016"), tr("Ratings"), tr("Mean rating")});
    m_top->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_top->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_top->verticalHeader()->setVisible(false);
    m_top->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_top->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_top->setSelectionMode(QAbstractItemView::SingleSelection);
    m_top->setWordWrap(false);
    m_top->setTextElideMode(Qt::ElideMiddle);
    m_top->setMinimumWidth(320);
    connect(m_top, &QTableWidget::cellClicked, this, [this](int row, int) {
        if (const QTableWidgetItem* cell = m_top->item(row, 0)) {
            const auto item = std::uint32_t(cell->data(Qt::UserRole).toUInt());
            selectItem(item);
            Q_EMIT itemSelected(item);
        }
    });
    m_caption->setWordWrap(true);
    m_caption->setText(tr("Train an RnR model to see what its deviation matrix learnt."));

    auto* grid = new QGridLayout;
    // Four plots on top; the arrows and the table of titles get the width of two each below.
    grid->addWidget(m_plots[0], 0, 0);
    grid->addWidget(m_plots[1], 0, 1);
    grid->addWidget(m_plots[2], 0, 2);
    grid->addWidget(m_plots[4], 0, 3);
    grid->addWidget(m_plots[3], 1, 0, 1, 2);
    grid->addWidget(m_top, 1, 2, 1, 2);
    for (int c = 0; c < 4; ++c)
        grid->setColumnStretch(c, 1);
    grid->setRowStretch(0, 2);
    grid->setRowStretch(1, 3);
    auto* top = new QHBoxLayout;
    top->addWidget(m_picker);
    top->addWidget(m_caption, 1);
    top->addWidget(m_search, 0, Qt::AlignTop);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
}

void DeviationView::setRun(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model,
                           const QString& name)
{
    m_work->cancel();
    m_data = std::move(dataset);
    m_search->setDataset(m_data);
    m_model = std::move(model);
    m_name = name;
    m_summary.reset();
    m_selected.reset();
    m_pendingSelection.reset();
    m_projected.resize(0, 2);
    for (QCPGraph*& mark : m_marks)
        mark = nullptr;
    for (QCustomPlot* plot : m_plots) {
        plot->clearGraphs();
        plot->clearPlottables();
        plot->clearItems();
        requestReplot(plot);
    }
    m_top->setRowCount(0);
    if (!m_model || !m_data || !m_model->spec().hasDeviation()) {
        m_caption->setText(
            tr("%1 learns no deviation: only RnR and its deviation-only ablation learn a post-consumption deviation "
               "q^d_i.")
                .arg(name));
        return;
    }
    m_caption->setText(tr("%1: summarising the deviation of every item...").arg(name));
    // A pass over every rating and a PCA of every item: off the GUI thread (docs/product-notes.md,
    // "Budgets": no stall over 20 ms), on the immutable data set and model the run shares.
    m_work->start(
        [data = m_data, model = m_model] {
            Summary out;
            out.summary = summariseDeviation(*model, *data);
            const RowMatrix<float>& items = model->params()[Block::Items];
            out.projection = pca2(items);
            out.moved = out.projection.apply(items + model->params()[Block::Deviation]);
            return out;
        },
        [this](Summary done) { showSummary(std::move(done)); },
        [this](const QString& message) { m_caption->setText(tr("%1: %2").arg(m_name, message)); });
}

void DeviationView::showSummary(Summary done)
{
    m_summary = std::make_unique<DeviationSummary>(std::move(done.summary));
    QString caption = m_model->spec().coupling == Coupling::RnR
                          ? tr("%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i before the "
                               "tied FC layer (rating).")
                                .arg(m_name)
                          : tr("%1: the deviation matrix moves each item from q_i (ranking) to q_i + q^d_i, which the "
                               "rating task uses as it is (no FC layer).")
                                .arg(m_name);
    if (!std::isnan(m_summary->spearmanWithTruth))
        caption += tr(" On the demo data the learnt \u2016q^d_i\u2016 correlates with the planted deviation: "
                      "Spearman %1, Pearson %2.")
                       .arg(m_summary->spearmanWithTruth, 0, 'f', 3)
                       .arg(m_summary->pearsonWithTruth, 0, 'f', 3);
    m_caption->setText(caption);

    drawHistogram();
    const std::vector<double> popularity(m_summary->popularity.begin(), m_summary->popularity.end());
    drawScatter(1, popularity, tr("Training ratings (log)"), true);
    const std::vector<double> mean(m_summary->meanRating.begin(), m_summary->meanRating.end());
    drawScatter(2, mean, tr("Mean rating"), false);
    drawArrows(done.projection, done.moved);
    // Only the demo data has a planted truth: elsewhere that plot would stand empty.
    const bool truthKnown = m_data->trueDeviation.size() == m_data->itemCount();
    m_plots[4]->setVisible(truthKnown);
    if (truthKnown) {
        const std::vector<double> truth(m_data->trueDeviation.begin(), m_data->trueDeviation.end());
        drawScatter(4, truth, tr("True ‖e_i‖"), false);
    }

    const int rows = std::min<int>(kTopItems, int(m_summary->ranking.size()));
    m_top->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const std::uint32_t item = m_summary->ranking[std::size_t(r)];
        auto* title = new QTableWidgetItem(QString::fromStdString(m_data->itemLabel(item)));
        title->setToolTip(title->text());
        title->setData(Qt::UserRole, item);
        m_top->setItem(r, 0, title);
        m_top->setItem(r, 1, new QTableWidgetItem(QString::number(m_summary->norm[item], 'f', 4)));
        m_top->setItem(r, 2, new QTableWidgetItem(QString::number(m_summary->popularity[item])));
        m_top->setItem(r, 3, new QTableWidgetItem(QString::number(m_summary->meanRating[item], 'f', 2)));
    }
    if (m_pendingSelection) // chosen in another view while the summary was under way
        selectItem(*std::exchange(m_pendingSelection, std::nullopt));
}

void DeviationView::drawHistogram()
{
    QCustomPlot* plot = m_plots[0];
    const auto& norm = m_summary->norm;
    const float top = *std::max_element(norm.begin(), norm.end());
    constexpr int kBins = 30;
    const double width = top > 0 ? double(top) / kBins : 1.0;
    QVector<double> keys(kBins), counts(kBins, 0.0);
    for (int b = 0; b < kBins; ++b)
        keys[b] = (b + 0.5) * width;
    for (float v : norm)
        counts[std::min(kBins - 1, int(double(v) / width))] += 1;
    auto* bars = new QCPBars(plot->xAxis, plot->yAxis);
    bars->setData(keys, counts, true);
    bars->setWidth(width * 0.9);
    bars->setBrush(kBlue);
    bars->setPen(Qt::NoPen);
    plot->xAxis->setLabel(tr("\u2016q^d_i\u2016"));
    plot->yAxis->setLabel(tr("Items"));
    plot->rescaleAxes();
    plot->yAxis->setRangeLower(0);
    requestReplot(plot);
}

void DeviationView::labelLogTicks(QCPAxis* axis)
{
    // Ticks of the 1-2-5 series over two decades or less, of the powers of ten over more: at most
    // about six labels, spread evenly on the log scale, so that they never run together.
    auto ticker = qSharedPointerDynamicCast<QCPAxisTickerText>(axis->ticker());
    const QCPRange range = axis->range();
    if (!ticker || !(range.lower > 0))
        return;
    ticker->clear();
    const bool wide = range.upper / range.lower > 100.0;
    static constexpr double kSteps[] = {1, 2, 5};
    const int steps = wide ? 1 : 3;
    for (double decade = std::pow(10.0, std::floor(std::log10(range.lower))); decade <= range.upper; decade *= 10.0)
        for (int s = 0; s < steps; ++s)
            if (const double tick = decade * kSteps[s]; range.contains(tick))
                ticker->addTick(tick, QLocale().toString(tick, 'g', 6));
}

void DeviationView::drawScatter(int p, const std::vector<double>& x, const QString& xLabel, bool logX)
{
    QCustomPlot* plot = m_plots[p];
    QVector<double> xs, ys;
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (std::isnan(x[i]) || (logX && x[i] <= 0))
            continue;
        xs << x[i];
        ys << m_summary->norm[i];
    }
    auto* graph = new PointCloud(plot, QCPScatterStyle(QCPScatterStyle::ssDisc, kBlue, 4));
    graph->setData(xs, ys);
    if (logX) {
        plot->xAxis->setScaleType(QCPAxis::stLogarithmic);
        plot->xAxis->setTicker(QSharedPointer<QCPAxisTickerText>::create());
    }
    plot->xAxis->setLabel(xLabel);
    plot->yAxis->setLabel(tr("\u2016q^d_i\u2016"));
    plot->rescaleAxes();
    if (!logX)
        plot->xAxis->scaleRange(1.08); // keep the outermost points off the frame
    else
        labelLogTicks(plot->xAxis);
    plot->yAxis->scaleRange(1.1);
    requestReplot(plot);
}

void DeviationView::drawArrows(const Projection& projection, const RowMatrix<float>& moved)
{
    QCustomPlot* plot = m_plots[3];
    m_projected = projection.points;
    QVector<double> xs, ys;
    for (Eigen::Index i = 0; i < projection.points.rows(); ++i) {
        xs << projection.points(i, 0);
        ys << projection.points(i, 1);
    }
    auto* all = new PointCloud(plot, QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(160, 160, 160), 3));
    all->setData(xs, ys);
    double left = 1e300, right = -1e300, bottom = 1e300, top = -1e300;
    auto extend = [&](double x, double y) {
        left = std::min(left, x);
        right = std::max(right, x);
        bottom = std::min(bottom, y);
        top = std::max(top, y);
    };
    for (Eigen::Index i = 0; i < projection.points.rows(); ++i)
        extend(projection.points(i, 0), projection.points(i, 1));
    const int arrows = std::min<int>(kArrows, int(m_summary->ranking.size()));
    for (int a = 0; a < arrows; ++a) {
        const std::uint32_t i = m_summary->ranking[std::size_t(a)];
        auto* line = new QCPItemLine(plot);
        line->start->setCoords(projection.points(i, 0), projection.points(i, 1));
        line->end->setCoords(moved(i, 0), moved(i, 1));
        line->setHead(QCPLineEnding::esSpikeArrow);
        line->setPen(QPen(kOrange, 1.5));
        extend(moved(i, 0), moved(i, 1));
    }
    plot->xAxis->setLabel(tr("PC 1 of q"));
    plot->yAxis->setLabel(tr("PC 2 of q"));
    plot->xAxis->setRange(left, right);
    plot->yAxis->setRange(bottom, top);
    plot->xAxis->scaleRange(1.1);
    plot->yAxis->scaleRange(1.1);
    requestReplot(plot);
}

bool DeviationView::computing() const
{
    return m_work->busy();
}

QString DeviationView::caption() const
{
    return m_caption->text();
}

void DeviationView::setRunModel(RunModel* runs)
{
    // Only RnR and its deviation-only ablation have a deviation matrix.
    m_picker->setModel(runs, [](const RunModel::Run& run) { return run.spec.hasDeviation(); });
}

void DeviationView::clearRuns()
{
    setRun(nullptr, nullptr, {});
    m_caption->setText(tr("Train an RnR model to see what its deviation matrix learnt."));
}

void DeviationView::selectItem(std::uint32_t item)
{
    if (m_work->busy()) {
        m_pendingSelection = item;
        return;
    }
    if (!m_summary || item >= m_summary->norm.size())
        return;
    m_selected = item;
    {
        const QSignalBlocker block(m_top);
        m_top->clearSelection();
        for (int r = 0; r < m_top->rowCount(); ++r)
            if (m_top->item(r, 0)->data(Qt::UserRole).toUInt() == item)
                m_top->selectRow(r);
    }
    markSelection();
}

void DeviationView::markSelection()
{
    if (!m_selected)
        return;
    const std::uint32_t item = *m_selected;
    const double norm = m_summary->norm[item];
    auto mark = [&](int p, double x, double y) {
        QCustomPlot* plot = m_plots[p];
        if (!m_marks[p]) {
            m_marks[p] = plot->addGraph();
            m_marks[p]->setLineStyle(QCPGraph::lsNone);
            m_marks[p]->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::red, 2.5), Qt::NoBrush, 14));
            m_marks[p]->setName(tr("selected"));
        }
        m_marks[p]->setData({x}, {y});
        requestReplot(plot);
    };
    if (m_summary->popularity[item] > 0)
        mark(1, double(m_summary->popularity[item]), norm);
    if (!std::isnan(double(m_summary->meanRating[item])))
        mark(2, double(m_summary->meanRating[item]), norm);
    if (Eigen::Index(item) < m_projected.rows())
        mark(3, m_projected(item, 0), m_projected(item, 1));
    if (m_data->trueDeviation.size() == m_data->itemCount())
        mark(4, double(m_data->trueDeviation[item]), norm);
}

} // namespace rnr
