#pragma once

#include <QHash>
#include <QStringList>
#include <QTextBrowser>

#include <functional>

namespace rnr {

/// The built-in guide (Help ▸ Guide): the desktop walk-through of the README as a page of the
/// app, translated. Its links name what they do — a tab to bring to the front, an action to
/// trigger — as keys ("page:results", "action:start") that the window resolves with setContent();
/// their labels are the tabs' and actions' own texts and shortcuts, so the guide cannot name a
/// menu entry that is not there.
class GuideView : public QTextBrowser
{
    Q_OBJECT

public:
    struct Target
    {
        QString label;            ///< what the link reads ("Start (Ctrl+R)")
        std::function<void()> go; ///< what a click does
    };

    explicit GuideView(QWidget* parent = nullptr);

    /// The links' labels and what they do, and the keyboard shortcuts as "text\tshortcut" lines;
    /// rebuilds the page.
    void setContent(QHash<QString, Target> targets, const QStringList& shortcuts);
    /// "text\tshortcut" lines as an HTML table (the guide's and Help > Keyboard Shortcuts').
    static QString shortcutTable(const QStringList& lines);
    /// The link keys the page uses, in order of first use.
    QStringList linkKeys() const;
    /// The keys the page uses that setContent() did not give (shown as plain text; a test keeps
    /// this empty for the main window).
    QStringList unresolvedKeys() const;
    /// Follows a link as a click on it does; false for an unknown key.
    bool follow(const QString& key);

private:
    void rebuild();
    QString link(const QString& key) const;
    QString html() const;

    QHash<QString, Target> m_targets;
    QStringList m_shortcuts;
    mutable QStringList m_used; ///< keys link() was asked for while building the page
};

} // namespace rnr
