#include "runpicker.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSignalBlocker>

namespace rnr {

RunPicker::RunPicker(QWidget* parent) : QWidget(parent), m_box(new QComboBox(this))
{
    auto* label = new QLabel(tr("R&un:"), this);
    label->setBuddy(m_box);
    m_box->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_box->setToolTip(tr("Which finished run this view shows"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(label);
    layout->addWidget(m_box);
    connect(m_box, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0 && index < int(m_runs.size())) {
            const Run& run = m_runs[std::size_t(index)];
            Q_EMIT chosen(run.data, run.model, run.name);
        }
    });
    setEnabled(false);
}

void RunPicker::addRun(const QString& name, std::shared_ptr<const Dataset> dataset, std::shared_ptr<const Model> model)
{
    m_runs.push_back({name, std::move(dataset), std::move(model)});
    {
        const QSignalBlocker block(m_box); // the first item becomes current silently
        m_box->addItem(name);
    }
    setEnabled(true);
    choose(m_box->count() - 1);
}

void RunPicker::clear()
{
    m_runs.clear();
    m_box->clear();
    setEnabled(false);
}

int RunPicker::count() const
{
    return int(m_runs.size());
}

void RunPicker::choose(int index)
{
    if (index == m_box->currentIndex() && index >= 0 && index < count()) {
        const Run& run = m_runs[std::size_t(index)];
        Q_EMIT chosen(run.data, run.model, run.name); // the same index: show it again
        return;
    }
    m_box->setCurrentIndex(index);
}

int RunPicker::current() const
{
    return m_box->currentIndex();
}

} // namespace rnr
