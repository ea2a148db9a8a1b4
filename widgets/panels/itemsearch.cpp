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
    // Typed or set text searches the labels: they must be there before the completer looks.
    connect(this, &QLineEdit::textChanged, this, [this] { ensureLabels(); });
    setEnabled(false);
}

void ItemSearch::setDataset(std::shared_ptr<const Dataset> items)
{
    if (items == m_items)
        return;
    m_items = std::move(items);
    m_labels.clear();
    m_built = false;
    m_model->setStringList({});
    setEnabled(m_items && m_items->itemCount() > 0);
}

void ItemSearch::ensureLabels() const
{
    // Built when first wanted (focus, typing, a search), not when a view is shown a run: 26,744
    // labels on MovieLens-20M would otherwise be built on the GUI thread as each run ends.
    if (m_built || !m_items)
        return;
    m_built = true;
    const Dataset& shown = *m_items;
    QStringList list;
    m_labels.reserve(shown.itemCount());
    for (std::uint32_t i = 0; i < shown.itemCount(); ++i) {
        const std::string title = i < shown.itemTitles.size() ? shown.itemTitles[i] : std::string();
        // Titles repeat (remakes): the id tells them apart.
        const QString id = QString::fromStdString(shown.itemIds[i]);
        m_labels.push_back(title.empty() ? id : QStringLiteral("%1 [%2]").arg(QString::fromStdString(title), id));
        list << m_labels.back();
    }
    m_model->setStringList(list);
}

int ItemSearch::itemCount() const
{
    return m_items ? int(m_items->itemCount()) : 0;
}

void ItemSearch::focusInEvent(QFocusEvent* event)
{
    ensureLabels();
    QLineEdit::focusInEvent(event);
}

std::optional<std::uint32_t> ItemSearch::find(const QString& text) const
{
    const QString wanted = text.trimmed();
    if (wanted.isEmpty())
        return std::nullopt;
    ensureLabels();
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
