#pragma once

#include "data/dataset.h"
#include "data/split.h"
#include "data/stats.h"
#include "io/loadoptions.h"

#include <QWidget>

class QCustomPlot;
class QFormLayout;
class QLabel;
class QPlainTextEdit;

namespace rnr {

/// What the data set view shows of a data set that takes a pass over every rating: computed by
/// DatasetView::factsOf() on any thread (for large files the loader's, so that showing a data set
/// never stalls the window; docs/product-notes.md, "Budgets").
struct DatasetFacts
{
    DatasetStats stats;
    /// (ratings, how many users or items have that many), users first, for the activity plot.
    std::vector<std::pair<std::uint32_t, std::uint32_t>> activity[2];
};

/// The data set view: counts, density, rating scale and histogram, activity per user and per
/// item, and the load report (what was read, what was skipped and why).
class DatasetView : public QWidget
{
    Q_OBJECT

public:
    explicit DatasetView(QWidget* parent = nullptr);

    /// Shows a data set and the report of its load (an empty report for built-in data).
    void setDataset(const Dataset& dataset, const LoadReport& report);
    /// The same with its facts computed beforehand (factsOf(dataset)).
    void setDataset(const Dataset& dataset, const LoadReport& report, const DatasetFacts& facts);
    static DatasetFacts factsOf(const Dataset& dataset);
    /// Shows what training uses: the filtered data set and what the split holds out.
    void setSplit(const Dataset& filtered, const SplitConfig& config);
    /// 0: rating histogram, 1: activity (log-log).
    QCustomPlot* plot(int index) const { return index == 0 ? m_histogram : m_activity; }

    /// Text of the value label of a row, by its key ("users", "items", ...), for tests.
    QString valueText(const QString& key) const;

private:
    QLabel* addRow(const QString& key, const QString& label);
    void plotHistogram(const DatasetStats& stats, const RatingScale& scale);
    void plotActivity(const DatasetFacts& facts);

    QFormLayout* m_form = nullptr;
    QCustomPlot* m_histogram = nullptr;
    QCustomPlot* m_activity = nullptr;
    QPlainTextEdit* m_report = nullptr;
    QLabel* m_title = nullptr;
};

} // namespace rnr
