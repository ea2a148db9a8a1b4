#include "dialogs/loadoptionsdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSettings>
#include <QVBoxLayout>

namespace rnr {

namespace {
QString key(Problem problem)
{
    return QStringLiteral("load/onProblem/") +
           QString::fromLatin1(problemKey(problem).data(), qsizetype(problemKey(problem).size()));
}

constexpr Problem kProblems[] = {Problem::Malformed, Problem::MissingField, Problem::NotNumeric, Problem::OutOfScale,
                                 Problem::Duplicate};
} // namespace

QString LoadOptionsDialog::problemLabel(Problem problem)
{
    switch (problem) {
    case Problem::Malformed:
        return tr("Malformed rows:");
    case Problem::MissingField:
        return tr("A missing user, item or rating:");
    case Problem::NotNumeric:
        return tr("A rating or time that is not a number:");
    case Problem::OutOfScale:
        return tr("A rating outside the scale:");
    case Problem::Duplicate:
        return tr("A repeated rating (else the latest is kept):");
    }
    return {};
}

LoadChoices LoadChoices::load()
{
    QSettings settings;
    LoadChoices c;
    for (const Problem p : kProblems)
        c.policy[std::size_t(p)] =
            settings.value(key(p)).toString() == QLatin1String("stop") ? Policy::Stop : Policy::Skip;
    if (settings.value(QStringLiteral("load/scale/override"), false).toBool()) {
        RatingScale scale;
        scale.min = settings.value(QStringLiteral("load/scale/min"), 1.0).toFloat();
        scale.max = settings.value(QStringLiteral("load/scale/max"), 5.0).toFloat();
        scale.step = settings.value(QStringLiteral("load/scale/step"), 1.0).toFloat();
        if (scale.min < scale.max && scale.step >= 0) // a hand-edited file may say otherwise
            c.scale = scale;
    }
    return c;
}

void LoadChoices::save() const
{
    QSettings settings;
    for (const Problem p : kProblems)
        settings.setValue(key(p),
                          policy[std::size_t(p)] == Policy::Stop ? QStringLiteral("stop") : QStringLiteral("skip"));
    settings.setValue(QStringLiteral("load/scale/override"), scale.has_value());
    if (scale) {
        settings.setValue(QStringLiteral("load/scale/min"), double(scale->min));
        settings.setValue(QStringLiteral("load/scale/max"), double(scale->max));
        settings.setValue(QStringLiteral("load/scale/step"), double(scale->step));
    }
}

void LoadChoices::applyTo(LoadOptions& options) const
{
    options.policy = policy;
    if (scale)
        options.scale = scale;
}

LoadOptionsDialog::LoadOptionsDialog(const LoadChoices& current, QWidget* parent)
    : QDialog(parent), m_scaleBox(new QCheckBox(tr("&Override the format's rating scale"), this)),
      m_min(new QDoubleSpinBox(this)), m_max(new QDoubleSpinBox(this)), m_step(new QDoubleSpinBox(this))
{
    setWindowTitle(tr("Load Options"));
    for (QDoubleSpinBox* box : {m_min, m_max, m_step}) {
        box->setRange(box == m_step ? 0.0 : -1000.0, 1000.0);
        box->setDecimals(2);
        box->setSingleStep(0.5);
    }
    const RatingScale scale = current.scale.value_or(RatingScale{});
    m_min->setValue(scale.min);
    m_max->setValue(scale.max);
    m_step->setValue(scale.step);
    m_step->setToolTip(tr("0: any value between the ends"));
    m_scaleBox->setChecked(current.scale.has_value());
    m_scaleBox->setToolTip(tr("Ratings outside this scale (or off its steps) are out-of-scale rows; without an "
                              "override each format's own scale is used (e.g. 0.5 to 5 in half stars for "
                              "MovieLens ratings.csv)."));
    auto* scaleRow = new QHBoxLayout;
    for (auto [label, box] :
         {std::pair{tr("from"), m_min}, std::pair{tr("to"), m_max}, std::pair{tr("step"), m_step}}) {
        scaleRow->addWidget(new QLabel(label, this));
        scaleRow->addWidget(box);
        box->setEnabled(m_scaleBox->isChecked());
        connect(m_scaleBox, &QCheckBox::toggled, box, &QWidget::setEnabled);
    }
    auto* scaleGroup = new QGroupBox(tr("Rating scale"), this);
    auto* scaleLayout = new QVBoxLayout(scaleGroup);
    scaleLayout->addWidget(m_scaleBox);
    scaleLayout->addLayout(scaleRow);

    auto* problems = new QGroupBox(tr("Rows that cannot be used"), this);
    auto* form = new QFormLayout(problems);
    for (const Problem p : kProblems) {
        auto* box = new QComboBox(this);
        box->addItem(tr("Skip and count"), int(Policy::Skip));
        box->addItem(tr("Stop with the file and line"), int(Policy::Stop));
        box->setCurrentIndex(current.policy[std::size_t(p)] == Policy::Stop ? 1 : 0);
        m_policy[std::size_t(p)] = box;
        form->addRow(problemLabel(p), box);
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* note = new QLabel(tr("These apply to every data set opened from now on, as rnr's --scale and "
                               "--on-problem do."),
                            this);
    note->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(scaleGroup);
    layout->addWidget(problems);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

LoadChoices LoadOptionsDialog::choices() const
{
    LoadChoices c;
    for (const Problem p : kProblems)
        c.policy[std::size_t(p)] = static_cast<Policy>(m_policy[std::size_t(p)]->currentData().toInt());
    if (m_scaleBox->isChecked() && m_min->value() < m_max->value())
        c.scale = RatingScale{float(m_min->value()), float(m_max->value()), float(m_step->value())};
    return c;
}

} // namespace rnr
