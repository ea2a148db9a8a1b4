#pragma once

#include "dataset.h"
#include "model.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTableWidget;
class QHBoxLayout;

namespace rnr {

/// The user inspector: find a user by id; their history (title, rating, date); the top-k of the
/// latest runs side by side with predicted ratings; the held-out item marked, with its rank
/// under each run; items only one run recommends marked as disagreements.
class UserInspector : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4; ///< runs shown side by side (the latest ones)

    explicit UserInspector(QWidget* parent = nullptr);

    void addRun(const QString& name, std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model);
    /// Shows a user by original id; false (and a message) when no shown run knows the id.
    bool showUser(const QString& id);
    /// Forgets every run.
    void clearRuns();

    QTableWidget* historyTable() const { return m_history; }
    int runCount() const { return int(m_runs.size()); }
    QTableWidget* runTable(int index) const;
    QString status() const;

private:
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
