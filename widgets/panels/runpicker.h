#pragma once

#include "data/dataset.h"
#include "model/model.h"
#include "models/runmodel.h"

#include <QPointer>
#include <QWidget>

#include <functional>
#include <memory>
#include <vector>

class QComboBox;
class QLabel;

namespace rnr {

/// "Run: [RnR(BPR, SVD) #1 ▾]": which finished run of the window's RunModel a view shows. Every
/// view's picker reads the same model; a run that finishes (and passes the view's filter) is
/// added at the end and chosen; choosing another emits chosen() with its data set and model; a
/// reset of the model empties the picker.
class RunPicker : public QWidget
{
    Q_OBJECT

public:
    /// Which finished runs the view can show (all when empty).
    using Filter = std::function<bool(const RunModel::Run&)>;

    explicit RunPicker(QWidget* parent = nullptr);

    void setModel(RunModel* model, Filter accepts = {});
    int count() const;
    void choose(int index);
    int current() const;
    QComboBox* box() const { return m_box; }

Q_SIGNALS:
    void chosen(std::shared_ptr<const rnr::Dataset> dataset, std::shared_ptr<const rnr::Model> model,
                const QString& name);
    /// The model was reset: the view has nothing to show.
    void cleared();
    /// The run shown was renamed (RunModel::rename): captions that begin with the old name change.
    void shownRenamed(const QString& oldName, const QString& name);

public:
    /// A caption that begins with a run's old name begins with its new name instead.
    static void renameCaption(QLabel* caption, const QString& oldName, const QString& name);

private:
    void add(quint64 id);
    void clear();
    void emitChosen(int index);

    QComboBox* m_box;
    QPointer<RunModel> m_model;
    Filter m_accepts;
    std::vector<quint64> m_ids; ///< the runs listed, in the box's order
};

} // namespace rnr
