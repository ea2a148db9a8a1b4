#include "panels/hyperparamform.h"

#include <QComboBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QLabel>
#include <QSpinBox>

#include <cmath>

namespace rnr {

namespace {

/// A real editor whose minimum reads "auto" (HyperParamInfo::autoText): stepping up from it goes
/// to a start value (the data's own default when the form was told it), not to the range's bottom.
class AutoSpinBox final : public QDoubleSpinBox
{
public:
    using QDoubleSpinBox::QDoubleSpinBox;
    void stepBy(int steps) override
    {
        if (value() == minimum() && steps > 0)
            setValue(property(kStartProperty).toDouble());
        else
            QDoubleSpinBox::stepBy(steps);
    }
    static constexpr const char* kStartProperty = "autoStart";
};

/// A real value in its editor; the info's auto text (e.g. "auto") is the editor's minimum.
void setReal(QDoubleSpinBox* spin, const HyperParamInfo& info, const QString& value)
{
    if (!info.autoText.empty() && value == QString::fromStdString(info.autoText))
        spin->setValue(spin->minimum());
    else
        spin->setValue(value.toDouble());
}

} // namespace

HyperParamForm::HyperParamForm(QWidget* parent) : QWidget(parent), m_layout(new QFormLayout(this))
{
    m_layout->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const HyperParams defaults;
    for (const auto& info : hyperParamInfo()) {
        QWidget* editor = nullptr;
        const QString value = QString::fromStdString(info.get(defaults));
        switch (info.kind) {
        case HyperParamInfo::Kind::Choice: {
            auto* box = new QComboBox(this);
            for (std::size_t k = 0; k < info.choices.size(); ++k) {
                box->addItem(QString::fromStdString(info.choices[k]));
                if (k < info.choiceHelp.size())
                    box->setItemData(
                        int(k), QCoreApplication::translate(info.choiceContext.c_str(), info.choiceHelp[k].c_str()),
                        Qt::ToolTipRole);
            }
            box->setCurrentText(value);
            connect(box, &QComboBox::currentIndexChanged, this, &HyperParamForm::changed);
            editor = box;
            break;
        }
        case HyperParamInfo::Kind::Integer: {
            auto* spin = new QSpinBox(this);
            spin->setRange(int(std::max(info.min, -2e9)), int(std::min(info.max, 2e9)));
            spin->setValue(value.toInt());
            connect(spin, &QSpinBox::valueChanged, this, &HyperParamForm::changed);
            editor = spin;
            break;
        }
        case HyperParamInfo::Kind::Real: {
            auto* spin = info.autoText.empty() ? new QDoubleSpinBox(this) : new AutoSpinBox(this);
            spin->setDecimals(info.logScale ? 6 : 3);
            spin->setRange(info.min, info.max);
            spin->setSingleStep(info.logScale ? std::max(info.min, 1e-4) : 0.05);
            if (!info.autoText.empty()) { // one step below the range: "auto"
                spin->setMinimum(info.min - 1);
                spin->setSingleStep(0.5);
                spin->setSpecialValueText(QCoreApplication::translate("rnr::HyperParams", info.autoText.c_str()));
            }
            setReal(spin, info, value);
            connect(spin, &QDoubleSpinBox::valueChanged, this, &HyperParamForm::changed);
            editor = spin;
            break;
        }
        }
        editor->setObjectName(QString::fromStdString(info.key));
        editor->setToolTip(QCoreApplication::translate("rnr::HyperParams", info.help.c_str()));
        auto* label = new QLabel(QCoreApplication::translate("rnr::HyperParams", info.label.c_str()), this);
        label->setToolTip(editor->toolTip());
        label->setBuddy(editor);
        m_layout->addRow(label, editor);
        m_fields.push_back(Field{&info, editor});
    }
}

void HyperParamForm::setAutoValue(const QString& key, double value)
{
    if (auto* spin = qobject_cast<QDoubleSpinBox*>(editor(key)))
        spin->setProperty(AutoSpinBox::kStartProperty, value);
}

QWidget* HyperParamForm::editor(const QString& key) const
{
    for (const auto& field : m_fields)
        if (QString::fromStdString(field.info->key) == key)
            return field.editor;
    return nullptr;
}

HyperParams HyperParamForm::params() const
{
    HyperParams params;
    for (const auto& field : m_fields) {
        QString text;
        if (auto* box = qobject_cast<QComboBox*>(field.editor))
            text = box->currentText();
        else if (auto* spin = qobject_cast<QSpinBox*>(field.editor))
            text = QString::number(spin->value());
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(field.editor))
            text = !field.info->autoText.empty() && real->value() == real->minimum()
                       ? QString::fromStdString(field.info->autoText)
                       : QString::number(real->value(), 'g', 10);
        field.info->set(params, text.toStdString()); // the editors keep values in range
    }
    return params;
}

void HyperParamForm::setParams(const HyperParams& params)
{
    for (const auto& field : m_fields) {
        const QString value = QString::fromStdString(field.info->get(params));
        if (auto* box = qobject_cast<QComboBox*>(field.editor))
            box->setCurrentText(value);
        else if (auto* spin = qobject_cast<QSpinBox*>(field.editor))
            spin->setValue(value.toInt());
        else if (auto* real = qobject_cast<QDoubleSpinBox*>(field.editor))
            setReal(real, *field.info, value);
    }
}

} // namespace rnr
