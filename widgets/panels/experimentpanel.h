#pragma once

#include "data/split.h"
#include "model/hyperparams.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace rnr {

class HyperParamForm;

/// The experiment panel: ranking and rating algorithm, mode (single task, vanilla MTL, RnR),
/// split settings, the hyper-parameter form, and the run controls.
class ExperimentPanel : public QWidget
{
    Q_OBJECT

public:
    explicit ExperimentPanel(QWidget* parent = nullptr);

    /// The selected model; nullopt (with a reason) when the choice does not make a model.
    std::optional<ModelSpec> spec(QString* reason = nullptr) const;
    void setSpec(const ModelSpec& spec);
    HyperParams params() const;
    void setParams(const HyperParams& params);
    SplitConfig split() const;
    void setSplit(const SplitConfig& split);
    /// How many seeds to run (seed, seed + 1, ...): the results show mean ± std over them.
    int seeds() const;
    void setSeeds(int seeds);
    /// Whether each run searches the alpha x lambda grid and keeps the best validation point.
    bool gridSearch() const;
    void setGridSearch(bool on);
    HyperParamForm* form() const { return m_form; }

    /// Enables the controls that fit: while training, Start is off and Pause/Stop are on.
    void setRunning(bool running, bool paused);

Q_SIGNALS:
    void startRequested();
    void compareRequested(); ///< the selected RnR model and its vanilla twin, same data, split and seed
    void pauseToggled(bool paused);
    void stopRequested();
    void splitChanged(); ///< held-out users, seed or tie rule edited

private:
    void updateState();

    QComboBox* m_ranker;
    QComboBox* m_rater;
    QComboBox* m_mode;
    QSpinBox* m_splitUsers;
    QSpinBox* m_splitSeed;
    QComboBox* m_ties;
    QSpinBox* m_seeds;
    QCheckBox* m_grid;
    HyperParamForm* m_form;
    QLabel* m_problem;
    QPushButton* m_start;
    QPushButton* m_compare;
    QPushButton* m_pause;
    QPushButton* m_stop;
    bool m_running = false;
};

} // namespace rnr
