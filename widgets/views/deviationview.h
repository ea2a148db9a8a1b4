#pragma once

#include "analysis/deviation.h"
#include "analysis/projection.h"

#include <QWidget>

#include <memory>

class QCPAxis;
class QCustomPlot;
class QLabel;

class QCPGraph;
class QTableWidget;

namespace rnr {

class BackgroundWork;
class RunModel;
class ItemSearch;
class RunPicker;

/// The deviation view for RnR runs: the distribution of ‖q^d_i‖, ‖q^d_i‖ against popularity
/// and against mean rating, the items that deviate most, arrows from q_i to q_i + q^d_i in the
/// projection of the raw item space, and on the demo data the learnt against the true deviation.
class DeviationView : public QWidget
{
    Q_OBJECT

public:
    explicit DeviationView(QWidget* parent = nullptr);

    /// Shows a run; models without a deviation matrix show an explanation instead.
    void setRun(std::shared_ptr<const Dataset> data, std::shared_ptr<const Model> model, const QString& name);
    /// Adds a finished run to the "Run" chooser and shows it; the user can go back to any of them.
    /// Lists the finished runs of the window's run model (shared with the other views).
    void setRunModel(RunModel* runs);
    /// Forgets every run and shows none.
    void clearRuns();
    RunPicker* runPicker() const { return m_picker; }
    /// The text above the plots (the run shown and what its deviation learnt).
    QString caption() const;
    ItemSearch* itemSearch() const { return m_search; }
    bool hasRun() const { return m_summary != nullptr; }
    /// The summary of the run given to setRun() is being computed off the GUI thread; ready()
    /// follows when it is drawn.
    bool computing() const;
    const DeviationSummary* summary() const { return m_summary.get(); }
    QTableWidget* topItems() const { return m_top; }
    const Dataset* dataset() const { return m_data.get(); }
    /// Marks an item in the scatter plots and the arrows, and in the table when listed (no signal).
    void selectItem(std::uint32_t item);
    /// The item marked (or to be marked once the summary is computed).
    std::optional<std::uint32_t> selectedItem() const { return m_pendingSelection ? m_pendingSelection : m_selected; }

Q_SIGNALS:
    /// The user picked an item in the table of top deviating items.
    void itemSelected(std::uint32_t item);
    /// The summary of the run given to setRun() is drawn (or could not be computed: the caption says why).
    void ready();

public:
    /// 0 histogram, 1 vs popularity, 2 vs mean rating, 3 arrows, 4 learnt vs true.
    QCustomPlot* plot(int index) const { return m_plots[index]; }

private:
    /// What setRun() computes off the GUI thread.
    struct Summary
    {
        DeviationSummary summary;
        Projection projection;  ///< PCA of q
        RowMatrix<float> moved; ///< q_i + q^d_i on the same axes
    };
    void showSummary(Summary done);
    void drawHistogram();
    static void labelLogTicks(QCPAxis* axis);
    void drawScatter(int plot, const std::vector<double>& x, const QString& xLabel, bool logX);
    void drawArrows(const Projection& projection, const RowMatrix<float>& moved);
    void markSelection();

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_model;
    std::unique_ptr<DeviationSummary> m_summary;
    QLabel* m_caption;
    RunPicker* m_picker;
    QCustomPlot* m_plots[5];
    QTableWidget* m_top;
    ItemSearch* m_search;
    RowMatrix<float> m_projected; ///< PCA of q (the arrows plot)
    std::optional<std::uint32_t> m_selected;
    std::optional<std::uint32_t> m_pendingSelection; ///< chosen while the summary was computed
    QString m_name;                                  ///< the run shown
    BackgroundWork* m_work;
    QCPGraph* m_marks[5] = {};
};

} // namespace rnr
