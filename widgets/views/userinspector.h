#pragma once

#include "data/dataset.h"
#include "model/model.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTableWidget;
class QHBoxLayout;

namespace rnr {

class RunModel;

/// The user inspector: find a user by id; their history (title, rating, date); the top-k of the
/// latest runs side by side with predicted ratings; the held-out item marked, with its rank
/// under each run; items only one run recommends marked as disagreements.
class UserInspector : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4; ///< runs shown side by side (the latest ones)

    explicit UserInspector(QWidget* parent = nullptr);

    /// Shows each run of the window's run model as it finishes (the latest kMaxRuns side by
    /// side); a reset of the model clears them.
    void setRunModel(RunModel* runs);
    void addRun(const QString& name, std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model);
    /// Shows a user by original id; false (and a message) when no shown run knows the id.
    bool showUser(const QString& id);
    /// Forgets every run.
    void clearRuns();

    /// Selects the rows of an item of a data set in the tables that show that data set (no signal).
    void selectItem(const Dataset* shown, std::uint32_t item);
    /// The data set of the latest run (whose dense ids the signals carry).
    const Dataset* dataset() const { return m_runs.empty() ? nullptr : m_runs.back().data.get(); }

    QTableWidget* historyTable() const { return m_history; }
    int runCount() const { return int(m_runs.size()); }
    QTableWidget* runTable(int index) const;
    QString status() const;

Q_SIGNALS:
    /// A user is shown (dense id in dataset()).
    void userShown(std::uint32_t user);
    /// The user clicked an item (dense id in `data`) in the history or a recommendation list.
    void itemActivated(const rnr::Dataset* data, std::uint32_t item);

private:
    void connectTable(QTableWidget* table, const Dataset* own);

    struct Run
    {
        QString name;
        std::shared_ptr<const Dataset> data;
        std::shared_ptr<const Model> model;
        QTableWidget* table = nullptr;
        QLabel* caption = nullptr;
    };

    QLineEdit* m_search;
    QLabel* m_status;
    QTableWidget* m_history;
    QHBoxLayout* m_runsLayout;
    std::vector<Run> m_runs;
};

} // namespace rnr
