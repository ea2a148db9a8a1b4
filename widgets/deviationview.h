#pragma once

#include "deviation.h"

#include <QWidget>

#include <memory>

class QCustomPlot;
class QLabel;
class QTableWidget;

namespace rnr {

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
    bool hasRun() const { return m_summary != nullptr; }
    const DeviationSummary* summary() const { return m_summary.get(); }
    QTableWidget* topItems() const { return m_top; }
    /// 0 histogram, 1 vs popularity, 2 vs mean rating, 3 arrows, 4 learnt vs true.
    QCustomPlot* plot(int index) const { return m_plots[index]; }

private:
    void drawHistogram();
    void drawScatter(int plot, const std::vector<double>& x, const QString& xLabel, bool logX);
    void drawArrows();

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_model;
    std::unique_ptr<DeviationSummary> m_summary;
    QLabel* m_caption;
    QCustomPlot* m_plots[5];
    QTableWidget* m_top;
};

} // namespace rnr
