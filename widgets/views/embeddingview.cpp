#include "views/embeddingview.h"

#include "views/backgroundwork.h"

#include "panels/itemsearch.h"
#include "panels/runpicker.h"
#include "plots/lazyreplot.h"
#include "plots/legendoutside.h"
#include "plots/palette.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "plots/pointcloud.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <numeric>

namespace rnr {

namespace {
constexpr int kMaxGenres = palette::kCategories; ///< the most common genres get a colour each, the rest "other"
constexpr int kShades = 16;                      ///< steps of the sequential colour map
} // namespace

EmbeddingView::EmbeddingView(QWidget* parent)
    : QWidget(parent), m_colourBox(new QComboBox(this)), m_usersBox(new QCheckBox(tr("Show &users"), this)),
      m_picker(new RunPicker(this)), m_methodBox(new QComboBox(this)), m_progress(new QProgressBar(this)),
      m_cancel(new QPushButton(tr("Cancel"), this)), m_search(new ItemSearch(this)), m_work(new BackgroundWork(this))
{
    connect(m_search, &ItemSearch::itemChosen, this, [this](std::uint32_t item) {
        select(item);
        Q_EMIT itemSelected(item);
    });
    connect(m_picker, &RunPicker::chosen, this, &EmbeddingView::setRun);
    connect(m_picker, &RunPicker::shownRenamed, this, [this](const QString& oldName, const QString& name) {
        for (QLabel* caption : m_captions)
            RunPicker::renameCaption(caption, oldName, name);
        m_name = name;
    });
    connect(m_picker, &RunPicker::cleared, this, &EmbeddingView::clearRuns);
    m_usersBox->setToolTip(tr("Draw every user vector p_u (grey) in the same projection as the items: a user "
                              "scores items by the dot product p_u \u00b7 q_i."));
    connect(m_usersBox, &QCheckBox::toggled, this, [this] { redraw(); });
    m_colourBox->addItem(tr("Genre"), int(Colour::Genre));
    m_colourBox->addItem(tr("Popularity"), int(Colour::Popularity));
    m_colourBox->addItem(tr("Mean rating"), int(Colour::MeanRating));
    connect(m_colourBox, &QComboBox::currentIndexChanged, this,
            [this] { setColour(static_cast<Colour>(m_colourBox->currentData().toInt())); });
    m_methodBox->addItem(tr("PCA"), int(ProjectionMethod::Pca));
    m_methodBox->addItem(tr("t-SNE"), int(ProjectionMethod::Tsne));
    m_methodBox->addItem(tr("UMAP"), int(ProjectionMethod::Umap));
    m_methodBox->setToolTip(tr("PCA: the linear view, at once, with the user vectors. t-SNE (Barnes-Hut) and "
                               "UMAP: non-linear maps that keep neighbourhoods, of every item, computed in the "
                               "background (seed 1: the same picture every time)."));
    connect(m_methodBox, &QComboBox::currentIndexChanged, this,
            [this] { setMethod(static_cast<ProjectionMethod>(m_methodBox->currentData().toInt())); });
    m_progress->setRange(0, 1000);
    m_progress->setMaximumWidth(160);
    m_progress->hide();
    m_cancel->hide();
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_computing = false;
        Q_EMIT projectionCancelled();
    });
    auto* top = new QHBoxLayout;
    top->addWidget(m_picker);
    top->addSpacing(12);
    auto* methodLabel = new QLabel(tr("&Projection:"), this);
    methodLabel->setBuddy(m_methodBox);
    top->addWidget(methodLabel);
    top->addWidget(m_methodBox);
    top->addWidget(m_progress);
    top->addWidget(m_cancel);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Colour by:"), this));
    top->addWidget(m_colourBox);
    top->addWidget(m_usersBox);
    top->addStretch();
    top->addWidget(m_search);
    auto* grid = new QGridLayout;
    for (int p = 0; p < 2; ++p) {
        m_captions[p] = new QLabel(this);
        m_captions[p]->setWordWrap(true);
        m_captions[p]->setAlignment(Qt::AlignLeft | Qt::AlignTop);
        m_captions[p]->setMinimumHeight(2 * m_captions[p]->fontMetrics().lineSpacing() + 4);
        m_plots[p] = new QCustomPlot(this);
        m_plots[p]->setMinimumSize(320, 280);
        m_plots[p]->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
        m_plots[p]->xAxis->setLabel(tr("PC 1"));
        m_plots[p]->yAxis->setLabel(tr("PC 2"));
        placeLegendOutside(m_plots[p]); // never over a cluster of points
        followPalette(m_plots[p]);
        addPlotMenu(m_plots[p], [this] { resetZoom(); });
        m_plots[p]->setMouseTracking(true);
        connect(m_plots[p], &QCustomPlot::mouseMove, this, [this, p](QMouseEvent* e) { showTip(p, e); });
        connect(m_plots[p], &QCustomPlot::mousePress, this, [this, p](QMouseEvent* e) {
            if (const auto item = itemAt(p, e->position())) {
                select(*item);
                Q_EMIT itemSelected(*item);
            }
        });
        grid->addWidget(m_captions[p], 0, p);
        grid->addWidget(m_plots[p], 1, p);
    }
    grid->setRowStretch(1, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(grid, 1);
    m_captions[0]->setText(tr("Train a model to see its item vectors."));
}

void EmbeddingView::setRun(std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model,
                           const QString& name)
{
    if (m_computing)
        Q_EMIT projectionCancelled();
    m_computing = false;
    m_work->cancel();
    m_data = std::move(dataset);
    m_model = std::move(model);
    m_name = name;
    m_selected.reset();
    m_selectedUser.reset();
    m_cache.clear();
    m_search->setDataset(m_data);
    for (int p = 0; p < 2; ++p) {
        m_vectors[p].resize(0, 0);
        m_users[p].resize(0, 0);
        m_pca[p] = {};
    }
    if (!m_model || !m_data) {
        project();
        return;
    }
    for (int p = 0; p < 2; ++p) {
        m_points[p].resize(0, 2);
        m_userPoints[p].resize(0, 2);
        m_captions[p]->setText(p == 0 ? tr("%1: reading the item vectors...").arg(m_name) : QString());
    }
    redraw();
    // The rating-task vectors (a pass of every item through the FC layer) and both PCAs: off the
    // GUI thread (docs/product-notes.md, "Budgets": no stall over 20 ms), on the run's immutable model.
    m_work->start([model = m_model] { return prepareSpaces(*model); },
                  [this](Spaces spaces) {
                      for (int p = 0; p < 2; ++p) {
                          m_vectors[p] = std::move(spaces.items[p]);
                          m_users[p] = std::move(spaces.users[p]);
                          m_pca[p] = std::move(spaces.pca[p]);
                      }
                      project();
                  },
                  [this](const QString& message) { m_captions[0]->setText(tr("%1: %2").arg(m_name, message)); });
}

EmbeddingView::Spaces EmbeddingView::prepareSpaces(const Model& model)
{
    Spaces out;
    out.items[0] = model.rankingItemVectors();
    const CouplingInfo* coupling = findCoupling(model.spec().coupling);
    // The users beside the items they are ranked against: p_u, unless the ranking task mixes it.
    if (model.params()[Block::Users].cols() == out.items[0].cols() &&
        !(coupling && (coupling->experts || coupling->crossStitch)))
        out.users[0] = model.params()[Block::Users];
    out.items[1] = model.ratingItemVectors();
    RowMatrix<float> users = model.ratingUserVectors();
    if (users.cols() == out.items[1].cols())
        out.users[1] = std::move(users);
    for (int p = 0; p < 2; ++p) {
        if (out.items[p].size() == 0)
            continue;
        Projection pca = pca2(out.items[p]);
        out.pca[p].points = std::move(pca.points);
        out.pca[p].explained[0] = pca.explained[0];
        out.pca[p].explained[1] = pca.explained[1];
        if (out.users[p].size() > 0)
            out.pca[p].users = pca.apply(out.users[p]);
    }
    return out;
}

void EmbeddingView::setMethod(ProjectionMethod method)
{
    const int index = m_methodBox->findData(int(method));
    if (index != m_methodBox->currentIndex()) {
        m_methodBox->setCurrentIndex(index); // comes back here through the box's signal
        return;
    }
    if (method == m_method)
        return;
    if (m_computing)
        Q_EMIT projectionCancelled();
    m_computing = false;
    m_method = method;
    project();
}

QString EmbeddingView::methodLabel() const
{
    switch (m_method) {
    case ProjectionMethod::Tsne:
        return tr("t-SNE");
    case ProjectionMethod::Umap:
        return tr("UMAP");
    case ProjectionMethod::Pca:
        break;
    }
    return tr("PC");
}

QString EmbeddingView::spaceCaption(int p) const
{
    const CouplingInfo* coupling = m_model ? findCoupling(m_model->spec().coupling) : nullptr;
    const bool mixtures = coupling && coupling->experts;
    const bool stitched = coupling && coupling->crossStitch;
    if (p == 0) {
        if (stitched)
            return tr("%1 \u2014 item vectors the ranking task reads (its cross-stitch mix of both tasks' vectors)")
                .arg(m_name);
        return mixtures ? tr("%1 \u2014 item vectors the ranking task reads (its gated mixture of experts)").arg(m_name)
                        : tr("%1 \u2014 raw item vectors q_i (what the ranking task uses)").arg(m_name);
    }
    if (mixtures)
        return tr("Item vectors the rating task reads (its gated mixture of experts)");
    if (stitched)
        return tr("Item vectors the rating task reads (its cross-stitch mix of both tasks' vectors)");
    switch (m_model ? m_model->spec().coupling : Coupling::Single) {
    case Coupling::RnR:
        return tr("Post-FC item vectors g(W(q_i + q^d_i) + c) (what the rating task uses)");
    case Coupling::DeviationOnly:
        return tr("Item vectors q_i + q^d_i (what the rating task uses: the deviation alone, no FC layer)");
    case Coupling::FcOnly:
        return tr("Post-FC item vectors g(W q_i + c) (what the rating task uses: the FC layer alone, no deviation)");
    case Coupling::ESMM:
    case Coupling::Pairwise:
        return tr("Like-tower item vectors g(W_L q_j + c_L) (what the like head reads after the choice)");
    case Coupling::Single:
    case Coupling::Vanilla:
    case Coupling::MMoE:
    case Coupling::PLE:
    case Coupling::CrossStitch:
        break;
    }
    return tr("Item vectors the rating task uses (the same as the raw ones: no FC layer)");
}

void EmbeddingView::project()
{
    m_fitted[0] = m_fitted[1] = false; // new points: fit the axes to them once
    for (int p = 0; p < 2; ++p) {
        m_points[p].resize(0, 2);
        m_userPoints[p].resize(0, 2);
        m_plots[p]->xAxis->setLabel(tr("%1 1").arg(methodLabel()));
        m_plots[p]->yAxis->setLabel(tr("%1 2").arg(methodLabel()));
    }
    // Users are drawn in PCA's linear projection only: t-SNE and UMAP place the items alone.
    m_usersBox->setEnabled(m_method == ProjectionMethod::Pca);
    m_progress->hide();
    m_cancel->hide();
    if (!m_model || !m_data || m_work->busy()) { // busy: project() runs again when the vectors arrive
        redraw();
        return;
    }
    const QString spaces[2] = {spaceCaption(0), spaceCaption(1)};
    bool waiting = false;
    for (int p = 0; p < 2; ++p) {
        if (m_vectors[p].size() == 0) {
            m_captions[p]->setText(p == 0 ? tr("%1 has no item vectors.").arg(m_name)
                                          : tr("%1 has no rating task: no post-consumption space.").arg(m_name));
            continue;
        }
        if (m_method == ProjectionMethod::Pca) {
            const SpacePca& pca = m_pca[p];
            m_points[p] = pca.points;
            m_userPoints[p] = pca.users;
            m_captions[p]->setText(tr("%1; PCA explains %2% + %3%")
                                       .arg(spaces[p])
                                       .arg(100 * pca.explained[0], 0, 'f', 1)
                                       .arg(100 * pca.explained[1], 0, 'f', 1));
        } else if (const auto it = m_cache.find({int(m_method), p}); it != m_cache.end()) {
            m_points[p] = it->second;
            m_captions[p]->setText(
                tr("%1; %2 of every item (%3)").arg(spaces[p], methodLabel()).arg(m_points[p].rows()));
        } else {
            m_captions[p]->setText(
                tr("%1; computing %2 of every item (%3)...").arg(spaces[p], methodLabel()).arg(m_vectors[p].rows()));
            waiting = true;
            Q_EMIT projectionRequested(p, m_method, m_vectors[p]);
        }
    }
    m_computing = waiting;
    if (waiting) {
        m_progress->setValue(0);
        m_progress->show();
        m_cancel->show();
    }
    redraw();
}

void EmbeddingView::setProjected(int p, ProjectionMethod method, const RowMatrix<float>& points)
{
    if (p < 0 || p > 1 || points.rows() != m_vectors[p].rows() || points.cols() != 2)
        return; // for another run (the view moved on)
    m_cache[{int(method), p}] = points;
    if (method != m_method)
        return;
    m_points[p] = points;
    m_userPoints[p].resize(0, 2);
    m_fitted[p] = false;
    const QString space = spaceCaption(p);
    m_captions[p]->setText(tr("%1; %2 of every item (%3)").arg(space, methodLabel()).arg(points.rows()));
    const bool other = m_vectors[1 - p].size() > 0 && m_points[1 - p].rows() == 0;
    if (!other) {
        m_computing = false;
        m_progress->hide();
        m_cancel->hide();
    }
    redraw();
}

void EmbeddingView::setProjectionProgress(int p, double fraction)
{
    // Two plots: the bar shows the slower of the two.
    m_fraction[p] = fraction;
    const double shown = m_vectors[1].size() > 0 && m_points[1].rows() == 0 && m_points[0].rows() == 0
                             ? std::min(m_fraction[0], m_fraction[1])
                             : fraction;
    m_progress->setValue(int(1000 * shown));
}

void EmbeddingView::projectionStopped(int p, const QString& message)
{
    m_computing = false;
    m_progress->hide();
    m_cancel->hide();
    if (p >= 0 && p < 2)
        m_captions[p]->setText(message.isEmpty() ? tr("%1 cancelled: choose it again to start over.").arg(methodLabel())
                                                 : tr("%1 failed: %2").arg(methodLabel(), message));
}

bool EmbeddingView::computing() const
{
    return m_computing || m_work->busy();
}

QString EmbeddingView::caption(int p) const
{
    return m_captions[p]->text();
}

void EmbeddingView::setRunModel(RunModel* runs)
{
    m_picker->setModel(runs);
}

void EmbeddingView::clearRuns()
{
    setRun(nullptr, nullptr, {});
    for (QLabel* caption : m_captions)
        caption->clear();
    m_captions[0]->setText(tr("Train a model to see its item vectors."));
    m_captions[1]->clear();
}

void EmbeddingView::setColour(Colour colour)
{
    m_colour = colour;
    const int index = m_colourBox->findData(int(colour));
    if (index != m_colourBox->currentIndex())
        m_colourBox->setCurrentIndex(index);
    redraw();
}

EmbeddingView::Colouring EmbeddingView::colouring() const
{
    Colouring out;
    const std::size_t items = m_data ? m_data->itemCount() : 0;
    out.bin.assign(items, 0);
    if (items == 0)
        return out;
    if (m_colour == Colour::Genre) {
        // Each item by its first genre; the kMaxGenres most common get a colour, the rest "other".
        std::vector<std::size_t> count(m_data->genreNames.size(), 0);
        for (const auto& genres : m_data->itemGenres)
            if (!genres.empty())
                ++count[genres.front()];
        std::vector<std::uint32_t> order(count.size());
        std::iota(order.begin(), order.end(), 0u);
        std::stable_sort(order.begin(), order.end(), [&](auto a, auto b) { return count[a] > count[b]; });
        std::map<std::uint32_t, int> colourOf;
        for (std::size_t k = 0; k < order.size() && k < std::size_t(kMaxGenres) && count[order[k]] > 0; ++k) {
            colourOf[order[k]] = int(k);
            out.names << QString::fromStdString(m_data->genreNames[order[k]]);
            out.colours.push_back(palette::category(int(k)));
        }
        out.names << tr("other / none");
        out.colours.push_back(palette::other());
        for (std::size_t i = 0; i < items; ++i) {
            const auto& genres = i < m_data->itemGenres.size() ? m_data->itemGenres[i] : std::vector<std::uint32_t>{};
            const auto it = genres.empty() ? colourOf.end() : colourOf.find(genres.front());
            out.bin[i] = it == colourOf.end() ? int(out.names.size() - 1) : it->second;
        }
        return out;
    }
    // Ordered values: a sequential colour map in kShades equal steps, with a colour scale.
    out.sequential = true;
    out.logScale = m_colour == Colour::Popularity;
    out.label = out.logScale ? tr("Ratings (log scale)") : tr("Mean rating");
    std::vector<double> value(items, 0.0), count(items, 0.0);
    for (const auto& x : m_data->interactions) {
        value[x.item] += x.rating;
        count[x.item] += 1.0;
    }
    double low = std::numeric_limits<double>::infinity(), high = -low;
    for (std::size_t i = 0; i < items; ++i) {
        value[i] = count[i] <= 0 ? std::nan("") : out.logScale ? std::log10(count[i]) : value[i] / count[i];
        if (!std::isnan(value[i])) {
            low = std::min(low, value[i]);
            high = std::max(high, value[i]);
        }
    }
    if (!(low <= high)) // no rated item at all
        low = high = 0;
    for (int b = 0; b < kShades; ++b) {
        out.names << QString();
        out.colours.push_back(palette::sequential((b + 0.5) / kShades));
    }
    out.names << tr("no ratings");
    out.colours.push_back(palette::other());
    const double width = high > low ? (high - low) / kShades : 1.0;
    for (std::size_t i = 0; i < items; ++i)
        out.bin[i] = std::isnan(value[i]) ? kShades : std::min(kShades - 1, int((value[i] - low) / width));
    out.low = out.logScale ? std::pow(10.0, low) : low;
    out.high = out.logScale ? std::pow(10.0, high) : high;
    return out;
}

void EmbeddingView::redraw()
{
    if (m_points[0].rows() == 0 && m_points[1].rows() == 0) {
        // Nothing to draw (yet): no pass over every rating for the colours.
        for (QCustomPlot* plot : m_plots) {
            plot->clearGraphs();
            plot->legend->setVisible(false);
            requestReplot(plot);
        }
        for (int p = 0; p < 2; ++p)
            showColourScale(p, nullptr);
        return;
    }
    const Colouring colours = colouring();
    const std::vector<int>& bin = colours.bin;
    const QStringList& names = colours.names;
    for (int p = 0; p < 2; ++p) {
        QCustomPlot* plot = m_plots[p];
        plot->clearGraphs();
        const RowMatrix<float>& pts = m_points[p];
        if (pts.rows() == 0 || pts.rows() != Eigen::Index(bin.size())) {
            plot->legend->setVisible(false);
            requestReplot(plot);
            continue;
        }
        const RowMatrix<float>& users = m_userPoints[p];
        if (m_usersBox->isChecked() && users.rows() > 0) {
            QVector<double> ux, uy;
            for (Eigen::Index u = 0; u < users.rows(); ++u) {
                ux << users(u, 0);
                uy << users(u, 1);
            }
            auto* graph =
                new PointCloud(plot, QCPScatterStyle(QCPScatterStyle::ssCross, QColor(120, 120, 120, 140), 4));
            graph->setName(tr("users"));
            graph->setData(ux, uy);
        }
        std::vector<QVector<double>> xs(std::size_t(names.size())), ys(std::size_t(names.size()));
        for (Eigen::Index i = 0; i < pts.rows(); ++i) {
            xs[std::size_t(bin[std::size_t(i)])].push_back(pts(i, 0));
            ys[std::size_t(bin[std::size_t(i)])].push_back(pts(i, 1));
        }
        for (int b = 0; b < names.size(); ++b) {
            auto* graph =
                new PointCloud(plot, QCPScatterStyle(QCPScatterStyle::ssDisc, colours.colours[std::size_t(b)], 4));
            graph->setName(names[b]);
            graph->setData(xs[std::size_t(b)], ys[std::size_t(b)]);
            // The shades of a sequential map are read off the colour scale, not the legend.
            if (names[b].isEmpty() || (colours.sequential && xs[std::size_t(b)].isEmpty()))
                graph->removeFromLegend();
        }
        if (m_selected && *m_selected < std::uint32_t(pts.rows())) {
            QCPGraph* mark = plot->addGraph();
            mark->setName(tr("selected"));
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, QPen(Qt::red, 2.5), Qt::NoBrush, 14));
            mark->setData({double(pts(*m_selected, 0))}, {double(pts(*m_selected, 1))});
        }
        if (m_selectedUser && *m_selectedUser < std::uint32_t(users.rows())) {
            QCPGraph* mark = plot->addGraph();
            mark->setName(tr("user %1").arg(QString::fromStdString(m_data->userIds[*m_selectedUser])));
            mark->setLineStyle(QCPGraph::lsNone);
            mark->setScatterStyle(
                QCPScatterStyle(QCPScatterStyle::ssStar, QPen(QColor(120, 0, 160), 2.5), Qt::NoBrush, 18));
            mark->setData({double(users(*m_selectedUser, 0))}, {double(users(*m_selectedUser, 1))});
        }
        const bool legendShown = p == 1 || m_points[1].rows() == 0;
        plot->legend->setVisible(legendShown);
        if (!legendShown)
            plot->legend->clearItems(); // an empty legend takes no room beside the data
        showColourScale(p, legendShown && colours.sequential ? &colours : nullptr);
        // The axes fit the points when they are new; a selection, a colouring or the user vectors
        // keep the zoom and pan the user chose.
        if (!m_fitted[p]) {
            m_fitted[p] = true;
            plot->rescaleAxes();
            plot->xAxis->scaleRange(1.08); // keep the outermost points off the frame
            plot->yAxis->scaleRange(1.08);
        }
        requestReplot(plot);
    }
}

void EmbeddingView::showColourScale(int p, const Colouring* colours)
{
    QCustomPlot* plot = m_plots[p];
    delete m_scales[p]; // leaves its layout
    m_scales[p] = nullptr;
    auto* side = qobject_cast<QCPLayoutGrid*>(plot->legend->layout());
    if (!side)
        return;
    side->simplify();
    if (colours) {
        auto* scale = new QCPColorScale(plot);
        QCPColorGradient gradient;
        gradient.clearColorStops();
        for (const auto& [t, colour] : palette::kSequentialStops)
            gradient.setColorStopAt(t, colour);
        gradient.setLevelCount(kShades); // the same steps as the points
        scale->setGradient(gradient);
        scale->setDataScaleType(colours->logScale ? QCPAxis::stLogarithmic : QCPAxis::stLinear);
        if (colours->logScale)
            scale->axis()->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
        scale->setDataRange(QCPRange(colours->low, colours->high));
        scale->setLabel(colours->label);
        scale->setBarWidth(12);
        scale->setMinimumSize(60, 160);
        scale->setMaximumSize(QWIDGETSIZE_MAX, 320);
        side->insertRow(1);
        side->addElement(1, 0, scale);
        m_scales[p] = scale;
        applyPalette(plot, plot->palette());
    }
    // The legend as tall as it needs; the scale and the empty last row share the rest.
    for (int r = 0; r < side->rowCount(); ++r)
        side->setRowStretchFactor(r, r == 0 ? 0.001 : 1.0);
    // A sequential colouring may leave the legend without entries: then it is not drawn.
    plot->legend->setVisible(plot->legend->visible() && plot->legend->itemCount() > 0);
}

void EmbeddingView::resetZoom()
{
    m_fitted[0] = m_fitted[1] = false;
    redraw();
}

std::optional<std::uint32_t> EmbeddingView::itemAt(int p, const QPointF& pixel, double pixels) const
{
    const RowMatrix<float>& pts = m_points[p];
    const QCustomPlot* plot = m_plots[p];
    std::optional<std::uint32_t> best;
    double bestDistance = pixels * pixels;
    for (Eigen::Index i = 0; i < pts.rows(); ++i) {
        const double dx = plot->xAxis->coordToPixel(pts(i, 0)) - pixel.x();
        const double dy = plot->yAxis->coordToPixel(pts(i, 1)) - pixel.y();
        if (dx * dx + dy * dy <= bestDistance) {
            bestDistance = dx * dx + dy * dy;
            best = std::uint32_t(i);
        }
    }
    return best;
}

void EmbeddingView::showTip(int p, QMouseEvent* event)
{
    if (!m_data)
        return;
    if (const auto item = itemAt(p, event->position()))
        QToolTip::showText(event->globalPosition().toPoint(), QString::fromStdString(m_data->itemLabel(*item)),
                           m_plots[p]);
    else
        QToolTip::hideText();
}

void EmbeddingView::select(std::uint32_t item)
{
    if (!m_data || item >= m_data->itemCount())
        return;
    m_selected = item;
    redraw();
}

void EmbeddingView::selectUser(std::optional<std::uint32_t> user)
{
    if (user && (!m_data || *user >= m_data->userCount()))
        user.reset();
    m_selectedUser = user;
    redraw();
}

void EmbeddingView::setShowUsers(bool show)
{
    m_usersBox->setChecked(show);
}

} // namespace rnr
