#pragma once

#include <QLineEdit>

#include <cstdint>
#include <memory>
#include <optional>
#include <vector>

class QStringListModel;

namespace rnr {

struct Dataset;

/// A field that finds an item of a data set by title (or id): completion on any part of the
/// label, case-insensitive; choosing a completion or pressing Return on a match emits
/// itemChosen() with the item's dense id. Shared by the Embeddings, Deviations and Users tabs.
class ItemSearch : public QLineEdit
{
    Q_OBJECT

public:
    explicit ItemSearch(QWidget* parent = nullptr);

    /// The items to search (null: none). The same data set again keeps the completions built
    /// for it (26,744 labels on MovieLens-20M: views set it each time they show a run).
    void setDataset(std::shared_ptr<const Dataset> items);
    /// The item a label names (its completion text, its title or its id), if any.
    std::optional<std::uint32_t> find(const QString& text) const;
    int itemCount() const;

Q_SIGNALS:
    void itemChosen(std::uint32_t item);

protected:
    void focusInEvent(QFocusEvent* event) override;

private:
    void choose(const QString& text);
    void ensureLabels() const;

    QStringListModel* m_model;
    std::shared_ptr<const Dataset> m_items;
    mutable std::vector<QString> m_labels; ///< dense item -> its completion text, built when first wanted
    mutable bool m_built = false;
};

} // namespace rnr
