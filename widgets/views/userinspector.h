#pragma once

#include "data/dataset.h"
#include "model/model.h"

#include <QWidget>

#include <memory>

class QLabel;
class QLineEdit;
class QTableWidget;
class QHBoxLayout;
class QScrollArea;
class QStringListModel;

namespace rnr {

class ItemSearch;
class RunModel;

/// The user inspector: find a user of the open data set by id (with completion); their history
/// (title, rating, date) in that data set; the top-k of the latest runs side by side with
/// predicted ratings; the held-out item marked, with its rank under each run; items only one run
/// recommends marked as disagreements. A run trained on another data set says so and shows no
/// titles (its ids mean other users and items).
class UserInspector : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxRuns = 4; ///< runs shown side by side (the latest ones)

    explicit UserInspector(QWidget* parent = nullptr);

    /// Shows each run of the window's run model as it finishes (the latest kMaxRuns side by
    /// side); a reset of the model clears them.
    void setRunModel(RunModel* runs);
    /// The open data set (as trained on): users are looked up and histories read in it.
    void setDataset(std::shared_ptr<const Dataset> dataset);
    void addRun(const QString& name, std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model);
    /// Shows a user of the open data set by original id; false (and a message naming the data
    /// set) when there is none.
    bool showUser(const QString& id);
    /// Drops a run shown here (by its model).
    void removeRun(const Model* model);
    /// A run shown here (by its model) has a new name.
    void renameRun(const Model* model, const QString& name);
    /// Forgets every run.
    void clearRuns();

    /// Selects the rows of an item of a data set in the tables that show that data set (no signal).
    void selectItem(const Dataset* shown, std::uint32_t item);
    /// The open data set (whose dense ids userShown() carries).
    const Dataset* dataset() const { return m_dataset.get(); }
    /// Whether a shown run was trained on the open data set.
    bool runOnOpenDataset(int index) const;

    QTableWidget* historyTable() const { return m_history; }
    int runCount() const { return int(m_runs.size()); }
    QTableWidget* runTable(int index) const;
    QString runCaption(int index) const;
    QString status() const;
    QLineEdit* searchField() const { return m_search; }
    ItemSearch* itemSearch() const { return m_itemSearch; }

Q_SIGNALS:
    /// A user is shown (dense id in dataset()).
    void userShown(std::uint32_t user);
    /// The user clicked an item (dense id in `data`) in the history or a recommendation list.
    void itemActivated(const rnr::Dataset* data, std::uint32_t item);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    /// Fills the user-id completions when first needed (focus, typing): 138,493 ids of
    /// MovieLens-20M would otherwise be converted on the GUI thread as the data set opens.
    void ensureUserIds();
    void connectTable(QTableWidget* table);
    void fitTable(QTableWidget* table, int rows) const;

    struct Run
    {
        QString name;
        std::shared_ptr<const Dataset> data;
        std::shared_ptr<const Model> model;
        QTableWidget* table = nullptr;
        QLabel* caption = nullptr;
        mutable std::uint64_t fingerprint = 0; ///< of data; 0: not computed yet
    };
    bool isOpen(const Run& run) const;

    QLineEdit* m_search;
    QLabel* m_status;
    QLabel* m_historyCaption;
    QTableWidget* m_history;
    QHBoxLayout* m_runsLayout;
    QScrollArea* m_runsArea = nullptr;
    QStringListModel* m_userIds;
    bool m_userIdsStale = false; ///< the completions are not yet the open data set's
    ItemSearch* m_itemSearch;
    std::vector<Run> m_runs;
    std::shared_ptr<const Dataset> m_dataset;
    mutable std::uint64_t m_datasetFingerprint = 0; ///< 0: not computed yet
};

} // namespace rnr
