#include "panels/runpicker.h"

#include <algorithm>

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
    connect(m_box, &QComboBox::currentIndexChanged, this, &RunPicker::emitChosen);
    setEnabled(false);
}

void RunPicker::setModel(RunModel* model, Filter accepts)
{
    if (m_model)
        disconnect(m_model, nullptr, this, nullptr);
    m_model = model;
    m_accepts = std::move(accepts);
    clear();
    if (!m_model)
        return;
    connect(m_model, &RunModel::runFinished, this, &RunPicker::add);
    connect(m_model, &RunModel::runRemoved, this, [this](quint64 id) {
        const auto it = std::find(m_ids.begin(), m_ids.end(), id);
        if (it == m_ids.end())
            return;
        const int index = int(it - m_ids.begin());
        const bool shown = index == m_box->currentIndex();
        m_ids.erase(it);
        {
            const QSignalBlocker block(m_box);
            m_box->removeItem(index);
        }
        if (m_ids.empty()) {
            clear();
            Q_EMIT cleared();
        } else if (shown) {
            choose(int(m_ids.size()) - 1); // the latest run takes the place of the one shown
        }
    });
    connect(m_model, &RunModel::runRenamed, this, [this](quint64 id, const QString& name) {
        const auto it = std::find(m_ids.begin(), m_ids.end(), id);
        if (it == m_ids.end())
            return;
        const int index = int(it - m_ids.begin());
        const QString oldName = m_box->itemText(index);
        m_box->setItemText(index, name);
        if (index == m_box->currentIndex())
            Q_EMIT shownRenamed(oldName, name);
    });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] {
        clear();
        Q_EMIT cleared();
    });
    for (const quint64 id : m_model->ids(RunModel::State::Finished))
        add(id);
}

void RunPicker::add(quint64 id)
{
    const RunModel::Run* run = m_model ? m_model->run(id) : nullptr;
    if (!run || (m_accepts && !m_accepts(*run)))
        return;
    m_ids.push_back(id);
    {
        const QSignalBlocker block(m_box); // the first item becomes current silently
        m_box->addItem(run->name);
    }
    setEnabled(true);
    choose(m_box->count() - 1);
}

void RunPicker::clear()
{
    m_ids.clear();
    const QSignalBlocker block(m_box);
    m_box->clear();
    setEnabled(false);
}

int RunPicker::count() const
{
    return int(m_ids.size());
}

void RunPicker::emitChosen(int index)
{
    if (index < 0 || index >= count() || !m_model)
        return;
    if (const RunModel::Run* run = m_model->run(m_ids[std::size_t(index)]))
        Q_EMIT chosen(run->data, run->outcome.model, run->name);
}

void RunPicker::choose(int index)
{
    if (index == m_box->currentIndex())
        emitChosen(index); // the same index: show it again
    else
        m_box->setCurrentIndex(index);
}

int RunPicker::current() const
{
    return m_box->currentIndex();
}

void RunPicker::renameCaption(QLabel* caption, const QString& oldName, const QString& name)
{
    const QString text = caption->text();
    if (!oldName.isEmpty() && text.startsWith(oldName))
        caption->setText(name + text.mid(oldName.size()));
}

} // namespace rnr
