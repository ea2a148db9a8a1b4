// The window's side of the built-in guide (Help ▸ Guide): its links resolved to the window's own
// tabs, docks and actions, with their translated texts and shortcuts.
#include "plots/interplayplot.h"
#include "plots/lossplot.h"
#include "views/datasetview.h"
#include "views/deviationview.h"
#include "views/embeddingview.h"
#include "views/guideview.h"
#include "views/resultsview.h"
#include "views/userinspector.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QMenu>
#include <QRegularExpression>
#include <QScreen>
#include <QScrollArea>
#include <QTabWidget>
#include <QVBoxLayout>

namespace rnr {

QString MainWindow::menuText(QString text)
{
    static const QRegularExpression cjkMnemonic(QStringLiteral("\\(&\\w\\)")); // "数据集(&D)"
    return text.remove(cjkMnemonic).remove(QLatin1Char('&')).remove(QStringLiteral("...")).trimmed();
}

namespace {
QString plain(const QString& text)
{
    return MainWindow::menuText(text);
}

/// "Run ▸ Start (Ctrl+R)": where the action is in the menus, and its shortcut.
QString menuPath(const QAction* action)
{
    QString path = plain(action->text());
    const QAction* at = action;
    for (int depth = 0; depth < 4; ++depth) {
        const QMenu* menu = nullptr;
        for (QObject* holder : at->associatedObjects())
            if ((menu = qobject_cast<const QMenu*>(holder)))
                break;
        if (!menu || menu->title().isEmpty())
            break;
        path = plain(menu->title()) + QStringLiteral(" ▸ ") + path;
        at = menu->menuAction();
    }
    if (!action->shortcut().isEmpty())
        path += QStringLiteral(" (%1)").arg(action->shortcut().toString(QKeySequence::NativeText));
    return path;
}
} // namespace

QHash<QString, GuideView::Target> MainWindow::guideTargets()
{
    QHash<QString, GuideView::Target> targets;
    const QList<QPair<QString, QWidget*>> pages{{QStringLiteral("dataset"), m_view},
                                                {QStringLiteral("training"), m_lossPlot},
                                                {QStringLiteral("interplay"), m_interplay},
                                                {QStringLiteral("results"), m_resultsView},
                                                {QStringLiteral("embeddings"), m_embeddings},
                                                {QStringLiteral("deviations"), m_deviations},
                                                {QStringLiteral("users"), m_users}};
    for (const auto& [key, page] : pages)
        for (int t = 0; t < m_tabs->count(); ++t)
            if (auto* area = qobject_cast<QScrollArea*>(m_tabs->widget(t)); area && area->widget() == page)
                targets.insert(QStringLiteral("page:") + key,
                               {plain(m_tabs->tabText(t)), [this, page] { showPage(page); }});
    auto showDock = [](QDockWidget* dock) {
        return [dock] {
            dock->show();
            dock->raise();
        };
    };
    targets.insert(QStringLiteral("panel:experiment"),
                   {plain(m_experimentDock->windowTitle()), showDock(m_experimentDock)});
    for (QAction* action : findChildren<QAction*>()) {
        const QString key = action->objectName();
        if (!key.startsWith(QStringLiteral("action:")))
            continue;
        if (action == m_logDock->toggleViewAction()) // a click shows the log, never hides it
            targets.insert(key, {menuPath(action), showDock(m_logDock)});
        else
            targets.insert(key, {menuPath(action), [action] { action->trigger(); }});
    }
    return targets;
}

GuideView* MainWindow::showGuide()
{
    if (!m_guide) {
        m_guide = new QDialog(this);
        m_guide->setObjectName(QStringLiteral("guideWindow"));
        m_guide->setWindowTitle(tr("RnR Explorer Guide"));
        auto* layout = new QVBoxLayout(m_guide);
        auto* view = new GuideView(m_guide);
        layout->addWidget(view);
        auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, m_guide);
        connect(buttons, &QDialogButtonBox::rejected, m_guide, &QDialog::hide);
        layout->addWidget(buttons);
        QSize wanted(640, 760);
        if (const QScreen* shown = screen())
            wanted = wanted.boundedTo(shown->availableGeometry().size() * 0.9);
        m_guide->resize(wanted);
    }
    auto* view = m_guide->findChild<GuideView*>();
    view->setContent(guideTargets(), shortcutList()); // the texts and shortcuts as they are now
    m_guide->show(); // beside the window, not modal: the guide's links act on the window
    m_guide->raise();
    m_guide->activateWindow();
    return view;
}

} // namespace rnr
