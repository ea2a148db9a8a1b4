#pragma once

#include "dataset.h"
#include "model.h"

#include <QWidget>

#include <memory>
#include <vector>

class QComboBox;

namespace rnr {

/// "Run: [RnR(BPR, SVD) #1 ▾]": which finished run a view shows. A new run is added at the end
/// and chosen; choosing another emits chosen() with its data set and model.
class RunPicker : public QWidget
{
    Q_OBJECT

public:
    explicit RunPicker(QWidget* parent = nullptr);

    void addRun(const QString& name, std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model);
    void clear();
    int count() const;
    void choose(int index);
    int current() const;
    QComboBox* box() const { return m_box; }

Q_SIGNALS:
    void chosen(std::shared_ptr<const rnr::Dataset> dataset, std::shared_ptr<const rnr::Model> model,
                const QString& name);

private:
    struct Run
    {
        QString name;
        std::shared_ptr<const Dataset> data;
        std::shared_ptr<const Model> model;
    };
    QComboBox* m_box;
    std::vector<Run> m_runs;
};

} // namespace rnr
