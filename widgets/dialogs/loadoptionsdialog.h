#pragma once

#include "io/loadoptions.h"

#include <QDialog>

#include <array>

class QCheckBox;
class QComboBox;
class QDoubleSpinBox;

namespace rnr {

/// What the desktop app's loads do besides the format and the column mapping, as the CLI's
/// --scale and --on-problem: a rating scale that overrides the format's, and per kind of bad row
/// whether to skip it (and count it) or to stop with `file:line: cause`. Kept in QSettings.
struct LoadChoices
{
    std::array<Policy, kProblemCount> policy{}; ///< default: skip every kind
    std::optional<RatingScale> scale;           ///< unset: the format's own

    static LoadChoices load();
    void save() const;
    /// The choices applied to a load's options (format and mapping are left alone).
    void applyTo(LoadOptions& options) const;
};

/// Edits LoadChoices.
class LoadOptionsDialog : public QDialog
{
    Q_OBJECT

public:
    explicit LoadOptionsDialog(const LoadChoices& current, QWidget* parent = nullptr);
    /// What the dialog shows; the scale only when its box is ticked and min < max.
    LoadChoices choices() const;

    QCheckBox* scaleBox() const { return m_scaleBox; }
    QDoubleSpinBox* minBox() const { return m_min; }
    QDoubleSpinBox* maxBox() const { return m_max; }
    QDoubleSpinBox* stepBox() const { return m_step; }
    QComboBox* policyBox(Problem problem) const { return m_policy[static_cast<std::size_t>(problem)]; }

private:
    static QString problemLabel(Problem problem);

    QCheckBox* m_scaleBox;
    QDoubleSpinBox* m_min;
    QDoubleSpinBox* m_max;
    QDoubleSpinBox* m_step;
    std::array<QComboBox*, kProblemCount> m_policy{};
};

} // namespace rnr
