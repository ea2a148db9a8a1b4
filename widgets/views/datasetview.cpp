#include "views/datasetview.h"

#include "data/stats.h"
#include "eval/like.h"
#include "plots/lazyreplot.h"
#include "plots/palette.h"
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "plots/pointcloud.h"

#include <QDateTime>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace rnr {

DatasetView::DatasetView(QWidget* parent) : QWidget(parent)
{
    m_title = new QLabel(this);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.4);
    titleFont.setBold(true);
    m_title->setFont(titleFont);

    auto* summary = new QGroupBox(tr("Summary"), this);
    m_form = new QFormLayout(summary);
    addRow(QStringLiteral("source"), tr("Source:"));
    addRow(QStringLiteral("users"), tr("Users:"));
    addRow(QStringLiteral("items"), tr("Items:"));
    addRow(QStringLiteral("ratings"), tr("Ratings:"));
    addRow(QStringLiteral("density"), tr("Density:"));
    addRow(QStringLiteral("scale"), tr("Rating scale:"));
    addRow(QStringLiteral("mean"), tr("Mean rating:"));
    addRow(QStringLiteral("likes"), tr("Likes:"))
        ->setToolTip(tr("Choose, then like: a rated item was chosen, a rating at or above the like threshold is a "
                        "like. Shown here at the threshold's default (auto): three quarters of the scale's range, "
                        "rounded up to its step. Unrated items are taken as not chosen: an assumption, since the "
                        "data has no log of what users were shown."));
    addRow(QStringLiteral("perUser"), tr("Ratings per user:"));
    addRow(QStringLiteral("perItem"), tr("Ratings per item:"));
    addRow(QStringLiteral("time"), tr("Time span:"));
    addRow(QStringLiteral("metadata"), tr("Titles and genres:"));
    addRow(QStringLiteral("split"), tr("Training uses:"));

    auto* histogramBox = new QGroupBox(tr("Rating histogram"), this);
    m_histogram = new QCustomPlot(histogramBox);
    m_histogram->setMinimumSize(320, 220);
    m_histogram->xAxis->setLabel(tr("Rating"));
    m_histogram->yAxis->setLabel(tr("Ratings"));
    followPalette(m_histogram);
    addPlotMenu(m_histogram);
    auto* histogramLayout = new QVBoxLayout(histogramBox);
    histogramLayout->addWidget(m_histogram);

    auto* activityBox = new QGroupBox(tr("Activity (log-log)"), this);
    m_activity = new QCustomPlot(activityBox);
    m_activity->setMinimumSize(320, 200);
    m_activity->xAxis->setLabel(tr("Ratings"));
    m_activity->yAxis->setLabel(tr("Users or items with that many"));
    for (QCPAxis* axis : {m_activity->xAxis, m_activity->yAxis}) {
        axis->setScaleType(QCPAxis::stLogarithmic);
        axis->setTicker(QSharedPointer<QCPAxisTickerLog>::create());
    }
    m_activity->legend->setVisible(true);
    m_activity->axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignRight);
    m_activity->setInteractions(QCP::iRangeDrag | QCP::iRangeZoom);
    m_activity->setToolTip(tr("How many users (items) have each number of ratings: a straight falling line is the "
                              "long tail typical of ratings data."));
    followPalette(m_activity);
    addPlotMenu(m_activity);
    auto* activityLayout = new QVBoxLayout(activityBox);
    activityLayout->addWidget(m_activity);

    auto* reportBox = new QGroupBox(tr("Load report"), this);
    m_report = new QPlainTextEdit(reportBox);
    m_report->setReadOnly(true);
    m_report->setMaximumBlockCount(1000);
    auto* reportLayout = new QVBoxLayout(reportBox);
    reportLayout->addWidget(m_report);

    auto* top = new QHBoxLayout;
    top->addWidget(summary, 1);
    top->addWidget(histogramBox, 1);
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(activityBox, 1);
    bottom->addWidget(reportBox, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addLayout(top, 1);
    layout->addLayout(bottom, 1);
}

QLabel* DatasetView::addRow(const QString& key, const QString& label)
{
    auto* value = new QLabel(this);
    value->setObjectName(key);
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    return value;
}

QString DatasetView::valueText(const QString& key) const
{
    const auto* label = findChild<QLabel*>(key);
    return label ? label->text() : QString();
}

DatasetFacts DatasetView::factsOf(const Dataset& dataset)
{
    DatasetFacts facts;
    facts.stats = computeStats(dataset);
    facts.activity[0] = countFrequencies(interactionsPerUser(dataset));
    facts.activity[1] = countFrequencies(interactionsPerItem(dataset));
    return facts;
}

void DatasetView::setDataset(const Dataset& dataset, const LoadReport& report)
{
    setDataset(dataset, report, factsOf(dataset));
}

void DatasetView::setDataset(const Dataset& dataset, const LoadReport& report, const DatasetFacts& facts)
{
    const DatasetStats& s = facts.stats;
    const QLocale locale;
    auto set = [this](const QString& key, const QString& text) {
        if (auto* label = findChild<QLabel*>(key))
            label->setText(text);
    };
    auto counts = [&](const CountSummary& c) {
        return tr("min %1, median %2, mean %3, max %4")
            .arg(locale.toString(qulonglong(c.min)), locale.toString(c.median, 'f', 1), locale.toString(c.mean, 'f', 1),
                 locale.toString(qulonglong(c.max)));
    };
    m_title->setText(QString::fromStdString(dataset.name));
    set(QStringLiteral("source"), QString::fromStdString(dataset.source));
    set(QStringLiteral("users"), locale.toString(qulonglong(s.users)));
    set(QStringLiteral("items"), locale.toString(qulonglong(s.items)));
    set(QStringLiteral("ratings"), locale.toString(qulonglong(s.interactions)));
    set(QStringLiteral("density"), locale.toString(100.0 * s.density, 'f', 3) + QStringLiteral(" %"));
    const RatingScale& scale = dataset.scale;
    set(QStringLiteral("scale"),
        scale.step > 0 ? tr("%1–%2 in steps of %3")
                             .arg(locale.toString(scale.min), locale.toString(scale.max), locale.toString(scale.step))
                       : tr("%1–%2").arg(locale.toString(scale.min), locale.toString(scale.max)));
    set(QStringLiteral("mean"),
        tr("%1 (std %2)").arg(locale.toString(s.ratingMean, 'f', 3), locale.toString(s.ratingStd, 'f', 3)));
    const float threshold = defaultLikeThreshold(scale);
    set(QStringLiteral("likes"),
        tr("rating ≥ %1: %2 % of the ratings")
            .arg(locale.toString(threshold), locale.toString(100.0 * likeShare(s, threshold), 'f', 1)));
    set(QStringLiteral("perUser"), counts(s.perUser));
    set(QStringLiteral("perItem"), counts(s.perItem));
    if (dataset.hasTimestamps && s.interactions > 0) {
        auto date = [&](std::int64_t t) {
            return locale.toString(QDateTime::fromSecsSinceEpoch(t, Qt::UTC).date(), QLocale::ShortFormat);
        };
        set(QStringLiteral("time"), tr("%1 to %2").arg(date(s.firstTime), date(s.lastTime)));
    } else {
        set(QStringLiteral("time"), tr("no timestamps: row order is used as time"));
    }
    set(QStringLiteral("metadata"),
        tr("titled: %1 of %2; genres: %3")
            .arg(locale.toString(qulonglong(s.itemsWithTitle)), locale.toString(qulonglong(s.items)),
                 locale.toString(qulonglong(s.genres))));
    m_report->setPlainText(report.file.empty() ? tr("Generated in memory: nothing was read or skipped.")
                                               : QString::fromStdString(report.describe()));
    plotHistogram(s, dataset.scale);
    plotActivity(facts);
}

void DatasetView::setSplit(const Dataset& filtered, const SplitConfig& config)
{
    const QLocale locale;
    const SplitPreview preview = previewSplit(filtered, config);
    const SplitSizes& sizes = preview.sizes;
    auto* label = findChild<QLabel*>(QStringLiteral("split"));
    // Counts after a label, never before a noun: "1 items" cannot happen (English has no plural
    // forms here without an English translation file).
    label->setText(tr("Users with at least 4 ratings: %1 (ratings: %2, items: %3). Held out for evaluation: the "
                      "latest rating of each validation user (%4) and test user (%5), seed %6; everything else "
                      "trains.")
                       .arg(locale.toString(qulonglong(filtered.userCount())),
                            locale.toString(qulonglong(filtered.interactions.size())),
                            locale.toString(qulonglong(filtered.itemCount())),
                            locale.toString(qulonglong(sizes.validation)), locale.toString(qulonglong(sizes.test)))
                       .arg(config.seed) +
                   QLatin1Char(' ') +
                   (config.ties == TieRule::Drop
                        ? tr("Users who rated several items at their last timestamp: %1, only trained on.")
                        : tr("Users who rated several items at their last timestamp: %1; the tie rule picks "
                             "their held-out rating."))
                       .arg(locale.toString(qulonglong(preview.tiedUsers))));
}

void DatasetView::plotActivity(const DatasetFacts& facts)
{
    m_activity->clearGraphs();
    const std::pair<QString, QColor> series[] = {{tr("users"), palette::series(0)}, {tr("items"), palette::series(1)}};
    for (int k = 0; k < 2; ++k) {
        QVector<double> xs, ys;
        for (const auto& [count, how] : facts.activity[k]) {
            xs << count;
            ys << how;
        }
        // Thousands of points on MovieLens-20M: sprites, not an antialiased shape each (pointcloud.h).
        auto* graph =
            new PointCloud(m_activity, QCPScatterStyle(k == 0 ? QCPScatterStyle::ssDisc : QCPScatterStyle::ssTriangle,
                                                       series[k].second, 5));
        graph->setName(series[k].first);
        graph->setData(xs, ys, true);
    }
    m_activity->rescaleAxes();
    m_activity->xAxis->setRange(m_activity->xAxis->range().lower / 1.5, m_activity->xAxis->range().upper * 1.5);
    m_activity->yAxis->setRange(m_activity->yAxis->range().lower / 1.5, m_activity->yAxis->range().upper * 1.5);
    requestReplot(m_activity);
}

void DatasetView::plotHistogram(const DatasetStats& s, const RatingScale& scale)
{
    m_histogram->clearPlottables();
    auto* bars = new QCPBars(m_histogram->xAxis, m_histogram->yAxis);
    QVector<double> keys, values;
    double top = 0;
    for (const auto& [value, count] : s.ratingHistogram) {
        keys << value;
        values << double(count);
        top = std::max(top, double(count));
    }
    bars->setData(keys, values, true);
    const double step = scale.step > 0 ? scale.step : 1.0;
    bars->setWidth(step * 0.8);
    bars->setBrush(palette().color(QPalette::Highlight));
    bars->setPen(Qt::NoPen);
    m_histogram->xAxis->setRange(scale.min - step, scale.max + step);
    m_histogram->yAxis->setRange(0, top * 1.1 + 1);
    requestReplot(m_histogram);
}

} // namespace rnr
