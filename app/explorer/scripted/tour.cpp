#include "scripted/tour.h"

#include "panels/experimentpanel.h"
#include "panels/hyperparamform.h"
#include "panels/runpicker.h"
#include "views/deviationview.h"
#include "views/embeddingview.h"
#include "views/guideview.h"
#include "views/resultsview.h"
#include "views/userinspector.h"
#include "window/mainwindow.h"

#include <QTableWidget>

#include <QDir>
#include <QSpinBox>
#include <QTabWidget>
#include <QTimer>

namespace rnr {

Tour::Tour(MainWindow& window, QString directory, int epochs)
    : m_window(window), m_directory(std::move(directory)), m_epochs(epochs)
{}

void Tour::start()
{
    if (!QDir().mkpath(m_directory)) {
        Q_EMIT finished(false, tr("cannot create %1").arg(m_directory));
        return;
    }
    m_window.setErrorReporter([this](const QString& title, const QString& message) {
        Q_EMIT finished(false, title + QStringLiteral(": ") + message);
    });
    m_window.loadDemo();
    if (auto* epochs = qobject_cast<QSpinBox*>(m_window.experimentPanel()->form()->editor(QStringLiteral("epochs"))))
        epochs->setValue(m_epochs);
    connect(&m_window.bridge(), &EngineBridge::idle, this, &Tour::capture, Qt::SingleShotConnection);
    if (m_window.compareWithVanilla().size() != 2)
        Q_EMIT finished(false, tr("the default model cannot be compared with vanilla"));
}

void Tour::capture()
{
    m_window.embeddingView()->runPicker()->choose(0); // RnR: raw and post-FC spaces differ
    shoot();
}

void Tour::shoot()
{
    // The views fill in from their pool threads: go on once they have.
    if (m_window.embeddingView()->computing() || m_window.deviationView()->computing()) {
        QTimer::singleShot(20, this, &Tour::shoot);
        return;
    }
    m_window.userInspector()->showUser(QStringLiteral("1"));
    m_window.resultsView()->selectPair(0, 1); // the paired test of RnR against vanilla
    // As if the user clicked the most deviating item: every view marks it.
    Q_EMIT m_window.deviationView()->topItems()->cellClicked(0, 0);
    QTabWidget* tabs = m_window.tabs();
    const QDir dir(m_directory);
    auto grabTab = std::make_shared<std::function<void(int)>>();
    *grabTab = [this, tabs, dir, grabTab](int tab) {
        if (tab == tabs->count()) {
            // Last, the guide (Help > Guide) in its own window.
            QWidget* guide = m_window.showGuide()->window();
            QTimer::singleShot(150, this, [this, dir, guide, tabs] {
                const QString file = dir.filePath(QStringLiteral("guide.png"));
                const bool saved = guide->grab().save(file);
                guide->hide();
                if (!saved)
                    Q_EMIT finished(false, tr("cannot write %1").arg(file));
                else
                    Q_EMIT finished(true, tr("wrote %1 screenshots to %2").arg(tabs->count() + 1).arg(m_directory));
            });
            return;
        }
        tabs->setCurrentIndex(tab);
        // Let the queued replots of the view run before grabbing it.
        QTimer::singleShot(150, this, [this, tabs, dir, grabTab, tab] {
            // Stable English file names whatever the interface language.
            static const char* const names[] = {"dataset",    "training",   "interplay", "results",
                                                "embeddings", "deviations", "users"};
            const QString name =
                tab < int(std::size(names)) ? QString::fromLatin1(names[tab]) : QStringLiteral("view%1").arg(tab);
            if (!m_window.grab().save(dir.filePath(name + QStringLiteral(".png")))) {
                Q_EMIT finished(false, tr("cannot write %1").arg(dir.filePath(name + QStringLiteral(".png"))));
                return;
            }
            (*grabTab)(tab + 1);
        });
    };
    (*grabTab)(0);
}

} // namespace rnr
