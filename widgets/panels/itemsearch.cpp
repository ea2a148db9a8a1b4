#include "panels/itemsearch.h"

#include "data/dataset.h"

#include <QCompleter>
#include <QStringListModel>

namespace rnr {

ItemSearch::ItemSearch(QWidget* parent) : QLineEdit(parent), m_model(new QStringListModel(this))
{
    setPlaceholderText(tr("Find an item by title"));
    setClearButtonEnabled(true);
    setMinimumWidth(fontMetrics().horizontalAdvance(placeholderText()) + 6 * fontMetrics().averageCharWidth());
    auto* titles = new QCompleter(m_model, this);
    titles->setCaseSensitivity(Qt::CaseInsensitive);
    titles->setFilterMode(Qt::MatchContains); // "godfather" finds "Godfather, The (1972)"
    titles->setMaxVisibleItems(15);
    setCompleter(titles);
    connect(titles, qOverload<const QString&>(&QCompleter::activated), this, &ItemSearch::choose);
    connect(this, &QLineEdit::returnPressed, this, [this] {
        // Return takes the exact match, or else the first completion.
        if (!find(text()) && completer()->completionCount() > 0) {
            completer()->setCurrentRow(0);
            choose(completer()->currentCompletion());
        } else {
            choose(text());
        }
    });
    setEnabled(false);
}

void ItemSearch::setDataset(std::shared_ptr<const Dataset> items)
{
    if (items == m_items)
        return;
    m_items = std::move(items);
    const Dataset* const shown = m_items.get();
    m_labels.clear();
    QStringList list;
    if (shown) {
        m_labels.reserve(shown->itemCount());
        for (std::uint32_t i = 0; i < shown->itemCount(); ++i) {
            const std::string title = i < shown->itemTitles.size() ? shown->itemTitles[i] : std::string();
            // Titles repeat (remakes): the id tells them apart.
            const QString id = QString::fromStdString(shown->itemIds[i]);
            m_labels.push_back(title.empty() ? id : QStringLiteral("%1 [%2]").arg(QString::fromStdString(title), id));
            list << m_labels.back();
        }
    }
    m_model->setStringList(list);
    setEnabled(shown != nullptr && !m_labels.empty());
}

std::optional<std::uint32_t> ItemSearch::find(const QString& text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return std::nullopt;
    for (std::size_t i = 0; i < m_labels.size(); ++i)
        if (m_labels[i].compare(wanted, Qt::CaseInsensitive) == 0)
            return std::uint32_t(i);
    // A bare title or id: the first item it names.
    for (std::size_t i = 0; i < m_labels.size(); ++i) {
        const QString& label = m_labels[i];
        const qsizetype open = label.lastIndexOf(QStringLiteral(" ["));
        const QString title = open >= 0 ? label.left(open) : label;
        const QString id = open >= 0 ? label.mid(open + 2).chopped(1) : label;
        if (title.compare(wanted, Qt::CaseInsensitive) == 0 || id == wanted)
            return std::uint32_t(i);
    }
    return std::nullopt;
}

void ItemSearch::choose(const QString& text)
{
    if (const auto item = find(text))
        Q_EMIT itemChosen(*item);
}

} // namespace rnr
