#include "views/embeddingview.h"

#include "panels/runpicker.h"
#include "plots/lazyreplot.h"
#include "plots/legendoutside.h"
#include "plots/palette.h"

#include <QCheckBox>
#include <QComboBox>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QToolTip>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace rnr {

namespace {
constexpr int kMaxGenres = 8; ///< the most common genres get a colour each, the rest are "other"
} // namespace

EmbeddingView::EmbeddingView(QWidget* parent)
    : QWidget(parent), m_colourBox(new QComboBox(this)), m_usersBox(new QCheckBox(tr("Show &users"), this)),
      m_picker(new RunPicker(this))
{
    connect(m_picker, &RunPicker::chosen, this, &EmbeddingView::setRun);
    connect(m_picker, &RunPicker::cleared, this, &EmbeddingView::clearRuns);
    m_usersBox->setToolTip(tr("Draw every user vector p_u (grey) in the same projection as the items: a user "
                              "scores items by the dot product p_u \u00b7 q_i."));
    connect(m_usersBox, &QCheckBox::toggled, this, [this] { redraw(); });
    m_colourBox->addItem(tr("Genre"), int(Colour::Genre));
    m_colourBox->addItem(tr("Popularity"), int(Colour::Popularity));
    m_colourBox->addItem(tr("Mean rating"), int(Colour::MeanRating));
    connect(m_colourBox, &QComboBox::currentIndexChanged, this,
            [this] { setColour(static_cast<Colour>(m_colourBox->currentData().toInt())); });
    auto* top = new QHBoxLayout;
    top->addWidget(m_picker);
    top->addSpacing(12);
    top->addWidget(new QLabel(tr("Colour by:"), this));
    top->addWidget(m_colourBox);
    top->addWidget(m_usersBox);
    top->addStretch();
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
    m_data = std::move(dataset);
    m_model = std::move(model);
    m_selected.reset();
    m_selectedUser.reset();
    m_fitted[0] = m_fitted[1] = false; // new points: fit the axes to them once
    for (auto& points : m_points)
        points.resize(0, 2);
    for (auto& points : m_userPoints)
        points.resize(0, 2);
    if (!m_model || !m_data) {
        redraw();
        return;
    }
    const RowMatrix<float>& raw = m_model->params()[Block::Items];
    if (raw.size() > 0) {
        const Projection p = pca2(raw);
        m_points[0] = p.points;
        if (m_model->params()[Block::Users].cols() == raw.cols())
            m_userPoints[0] = p.apply(m_model->params()[Block::Users]);
        m_captions[0]->setText(tr("%1 \u2014 raw item vectors q_i (what the ranking task uses); PCA explains %2% + %3%")
                                   .arg(name)
                                   .arg(100 * p.explained[0], 0, 'f', 1)
                                   .arg(100 * p.explained[1], 0, 'f', 1));
    } else {
        m_captions[0]->setText(tr("%1 has no item vectors.").arg(name));
    }
    const RowMatrix<float> post = m_model->ratingItemVectors();
    if (post.size() > 0) {
        const Projection p = pca2(post);
        m_points[1] = p.points;
        const RowMatrix<float> users = m_model->ratingUserVectors();
        if (users.cols() == post.cols())
            m_userPoints[1] = p.apply(users);
        const bool rnr = m_model->spec().coupling == Coupling::RnR;
        m_captions[1]->setText((rnr ? tr("Post-FC item vectors g(W(q_i + q^d_i) + c) (what the rating task uses); "
                                         "PCA explains %1% + %2%")
                                    : tr("Item vectors the rating task uses (the same as the raw ones: no FC layer); "
                                         "PCA explains %1% + %2%"))
                                   .arg(100 * p.explained[0], 0, 'f', 1)
                                   .arg(100 * p.explained[1], 0, 'f', 1));
    } else {
        m_captions[1]->setText(tr("%1 has no rating task: no post-consumption space.").arg(name));
    }
    redraw();
}

void EmbeddingView::setRunModel(RunModel* runs)
{
    m_picker->setModel(runs);
}

void EmbeddingView::clearRuns()
{
    setRun(nullptr, nullptr, {});
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

std::vector<int> EmbeddingView::bins(QStringList& names) const
{
    const std::size_t items = m_data ? m_data->itemCount() : 0;
    std::vector<int> bin(items, 0);
    names.clear();
    if (items == 0)
        return bin;
    if (m_colour == Colour::Genre) {
        std::vector<std::size_t> count(m_data->genreNames.size(), 0);
        for (const auto& genres : m_data->itemGenres)
            if (!genres.empty())
                ++count[genres.front()];
        std::vector<std::uint32_t> order(count.size());
        std::iota(order.begin(), order.end(), 0u);
        std::sort(order.begin(), order.end(), [&](auto a, auto b) { return count[a] > count[b]; });
        std::map<std::uint32_t, int> colourOf;
        for (std::size_t k = 0; k < order.size() && k < std::size_t(kMaxGenres); ++k) {
            colourOf[order[k]] = int(k);
            names << QString::fromStdString(m_data->genreNames[order[k]]);
        }
        names << tr("other / none");
        for (std::size_t i = 0; i < items; ++i) {
            const auto& genres = i < m_data->itemGenres.size() ? m_data->itemGenres[i] : std::vector<std::uint32_t>{};
            const auto it = genres.empty() ? colourOf.end() : colourOf.find(genres.front());
            bin[i] = it == colourOf.end() ? int(names.size() - 1) : it->second;
        }
        return bin;
    }
    std::vector<double> value(items, 0.0), count(items, 0.0);
    for (const auto& x : m_data->interactions) {
        value[x.item] += x.rating;
        count[x.item] += 1.0;
    }
    for (std::size_t i = 0; i < items; ++i)
        value[i] = m_colour == Colour::Popularity ? std::log10(1.0 + count[i])
                                                  : (count[i] > 0 ? value[i] / count[i] : std::nan(""));
    std::vector<double> sorted;
    for (double v : value)
        if (!std::isnan(v))
            sorted.push_back(v);
    std::sort(sorted.begin(), sorted.end());
    constexpr int kBins = 5;
    std::vector<double> edges;
    for (int b = 1; b < kBins; ++b)
        edges.push_back(sorted.empty() ? 0.0 : sorted[sorted.size() * std::size_t(b) / kBins]);
    for (int b = 0; b < kBins; ++b) {
        const double low = b == 0 ? (sorted.empty() ? 0 : sorted.front()) : edges[std::size_t(b - 1)];
        const double high = b == kBins - 1 ? (sorted.empty() ? 0 : sorted.back()) : edges[std::size_t(b)];
        names << (m_colour == Colour::Popularity ? tr("%1\u2013%2 ratings")
                                                       .arg(std::pow(10.0, low) - 1, 0, 'f', 0)
                                                       .arg(std::pow(10.0, high) - 1, 0, 'f', 0)
                                                 : tr("mean %1\u2013%2").arg(low, 0, 'f', 2).arg(high, 0, 'f', 2));
    }
    for (std::size_t i = 0; i < items; ++i)
        bin[i] = std::isnan(value[i]) ? 0 : int(std::upper_bound(edges.begin(), edges.end(), value[i]) - edges.begin());
    return bin;
}

void EmbeddingView::redraw()
{
    QStringList names;
    const std::vector<int> bin = bins(names);
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
            QCPGraph* graph = plot->addGraph();
            graph->setName(tr("users"));
            graph->setLineStyle(QCPGraph::lsNone);
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCross, QColor(120, 120, 120, 140), 4));
            graph->setData(ux, uy);
        }
        std::vector<QVector<double>> xs(std::size_t(names.size())), ys(std::size_t(names.size()));
        for (Eigen::Index i = 0; i < pts.rows(); ++i) {
            xs[std::size_t(bin[std::size_t(i)])].push_back(pts(i, 0));
            ys[std::size_t(bin[std::size_t(i)])].push_back(pts(i, 1));
        }
        for (int b = 0; b < names.size(); ++b) {
            QCPGraph* graph = plot->addGraph();
            graph->setName(names[b]);
            graph->setLineStyle(QCPGraph::lsNone);
            const QColor colour = b < kMaxGenres ? palette::series(b) : palette::other();
            graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, colour, 4));
            graph->setData(xs[std::size_t(b)], ys[std::size_t(b)]);
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
        // The axes fit the points when they are new; a selection, a colouring or the user vectors
        // keep the zoom and pan the user chose.
        if (!m_fitted[p]) {
            m_fitted[p] = true;
            plot->rescaleAxes();
            plot->xAxis->scaleRange(1.08); // keep the outermost points off the frame
            plot->yAxis->scaleRange(1.08);
        }
        plot->legend->setBrush(QColor(255, 255, 255, 200));
        requestReplot(plot);
    }
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
