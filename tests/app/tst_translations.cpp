// Translations: every .ts file is complete (no unfinished, vanished or empty entries, the same
// placeholders and mnemonics as the source), none lacks a string the sources have (lupdate is run
// on the sources and compared), and with the German translation loaded the main window shows no
// English text that has a German translation.
#include "../isolatedsettings.h"
#include "views/guideview.h"
#include "window/mainwindow.h"

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QAction>
#include <QComboBox>
#include <QGroupBox>
#include <QLabel>
#include <QMenuBar>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTranslator>
#include <QXmlStreamReader>
#include <qcustomplot.h>

using namespace rnr;

namespace {

struct Message
{
    QString context, source;
    QStringList translations; ///< one per numerus form
    QString type;             ///< "", "unfinished", "vanished", "obsolete"
};

QList<Message> readTs(const QString& path, QString* error)
{
    QFile file(path);
    QList<Message> messages;
    if (!file.open(QIODevice::ReadOnly)) {
        *error = file.errorString();
        return messages;
    }
    QXmlStreamReader xml(&file);
    QString context;
    Message current;
    while (!xml.atEnd()) {
        xml.readNext();
        if (!xml.isStartElement())
            continue;
        if (xml.name() == QLatin1String("name"))
            context = xml.readElementText();
        else if (xml.name() == QLatin1String("message"))
            current = Message{context, {}, {}, {}};
        else if (xml.name() == QLatin1String("source"))
            current.source = xml.readElementText();
        else if (xml.name() == QLatin1String("translation")) {
            current.type = xml.attributes().value(QLatin1String("type")).toString();
            QStringList forms;
            QString text;
            while (!(xml.isEndElement() && xml.name() == QLatin1String("translation")) && !xml.atEnd()) {
                xml.readNext();
                if (xml.isStartElement() && xml.name() == QLatin1String("numerusform"))
                    forms << xml.readElementText();
                else if (xml.isCharacters())
                    text += xml.text();
            }
            current.translations = forms.isEmpty() ? QStringList{text} : forms;
            messages << current;
        }
    }
    if (xml.hasError())
        *error = xml.errorString();
    return messages;
}

QStringList placeholders(const QString& text)
{
    static const QRegularExpression pattern(QStringLiteral("%L?(\\d+|n)"));
    QStringList found;
    for (auto it = pattern.globalMatch(text); it.hasNext();)
        found << it.next().captured(1);
    found.sort();
    found.removeDuplicates();
    return found;
}

int mnemonics(const QString& text)
{
    return int(text.count(QLatin1Char('&')) - 2 * text.count(QStringLiteral("&&")));
}

QStringList tsFiles()
{
    return {QStringLiteral(RNR_SOURCE_DIR "/translations/rnr-explorer_de.ts"),
            QStringLiteral(RNR_SOURCE_DIR "/translations/rnr-explorer_zh_CN.ts")};
}

} // namespace

class TestTranslations : public QObject
{
    Q_OBJECT

    fixtures::IsolatedSettings m_isolated; ///< never the user's own settings

private Q_SLOTS:
    void complete_data()
    {
        QTest::addColumn<QString>("path");
        for (const QString& path : tsFiles())
            QTest::newRow(qPrintable(QFileInfo(path).fileName())) << path;
    }

    void complete()
    {
        QFETCH(QString, path);
        QString error;
        const QList<Message> messages = readTs(path, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(messages.size() > 200);
        QStringList problems;
        for (const Message& m : messages) {
            const QString where = m.context + QStringLiteral(": \"") + m.source.left(60) + QStringLiteral("\"");
            if (!m.type.isEmpty())
                problems << where + QStringLiteral(" is ") + m.type;
            for (const QString& t : m.translations) {
                if (t.trimmed().isEmpty()) {
                    problems << where + QStringLiteral(" has no translation");
                    continue;
                }
                if (placeholders(t) != placeholders(m.source))
                    problems << where + QStringLiteral(" has placeholders ") + placeholders(t).join(',') +
                                    QStringLiteral(" instead of ") + placeholders(m.source).join(',');
                if (mnemonics(m.source) != mnemonics(t))
                    problems << where + QStringLiteral(" has a different number of & mnemonics");
            }
        }
        QVERIFY2(problems.isEmpty(), qPrintable(problems.mid(0, 20).join('\n')));
    }

    void noSourceStringMissing()
    {
        // lupdate on the sources, into a fresh file: every (context, source) it finds must be in
        // each committed .ts, and nothing else.
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("fresh.ts"));
        QProcess lupdate;
        lupdate.start(QStringLiteral(RNR_LUPDATE),
                      {QStringLiteral("@" RNR_TR_SOURCES_LIST), QStringLiteral("-no-obsolete"),
                       QStringLiteral("-locations"), QStringLiteral("none"), QStringLiteral("-silent"),
                       QStringLiteral("-ts"), fresh});
        QVERIFY2(lupdate.waitForFinished(120000), "lupdate did not finish");
        QVERIFY2(lupdate.exitCode() == 0, lupdate.readAllStandardError().constData());
        QString error;
        QSet<QString> expected;
        for (const Message& m : readTs(fresh, &error))
            expected.insert(m.context + QLatin1Char('\x1f') + m.source);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        QVERIFY(expected.size() > 200);
        for (const QString& path : tsFiles()) {
            QSet<QString> have;
            for (const Message& m : readTs(path, &error))
                have.insert(m.context + QLatin1Char('\x1f') + m.source);
            const QStringList missing = QStringList(QSet<QString>(expected).subtract(have).values());
            const QStringList extra = QStringList(QSet<QString>(have).subtract(expected).values());
            QVERIFY2(missing.isEmpty(), qPrintable(QFileInfo(path).fileName() + QStringLiteral(" lacks: ") +
                                                   missing.mid(0, 10).join(QStringLiteral(" | ")) +
                                                   QStringLiteral("\nrun: cmake --build <dir> --target "
                                                                  "update_translations")));
            QVERIFY2(extra.isEmpty(), qPrintable(QFileInfo(path).fileName() + QStringLiteral(" has stale: ") +
                                                 extra.mid(0, 10).join(QStringLiteral(" | "))));
        }
    }

    void germanWindowHasNoEnglishLeft()
    {
        QTranslator german;
        QVERIFY(german.load(QStringLiteral(RNR_QM_DIR "/rnr-explorer_de.qm")));
        QCoreApplication::installTranslator(&german);
        // English texts that German translates differently: none of them may be on screen.
        QString error;
        QSet<QString> english;
        for (const Message& m : readTs(tsFiles().first(), &error))
            if (!m.translations.contains(m.source))
                english.insert(m.source);
        MainWindow window;
        window.loadDemo();
        QStringList shown;
        for (const QAction* action : window.findChildren<QAction*>())
            shown << action->text() << action->toolTip();
        for (const QLabel* label : window.findChildren<QLabel*>())
            shown << label->text();
        for (const QAbstractButton* button : window.findChildren<QAbstractButton*>())
            shown << button->text() << button->toolTip();
        for (const QGroupBox* box : window.findChildren<QGroupBox*>())
            shown << box->title();
        for (int t = 0; t < window.tabs()->count(); ++t)
            shown << window.tabs()->tabText(t);
        for (const QComboBox* box : window.findChildren<QComboBox*>())
            for (int i = 0; i < box->count(); ++i)
                shown << box->itemText(i);
        for (const QCustomPlot* plot : window.findChildren<QCustomPlot*>())
            for (const QCPAxis* axis : plot->axisRect()->axes())
                shown << axis->label();
        for (const QAbstractItemView* view : window.findChildren<QAbstractItemView*>())
            if (const QAbstractItemModel* model = view->model())
                for (int c = 0; c < model->columnCount(); ++c)
                    shown << model->headerData(c, Qt::Horizontal).toString();
        QStringList leftovers;
        for (const QString& text : shown)
            if (!text.isEmpty() && english.contains(text))
                leftovers << text;
        QVERIFY2(leftovers.isEmpty(), qPrintable(leftovers.join(QStringLiteral(" | "))));
        QCOMPARE(window.menuBar()->actions().first()->text(), german.translate("rnr::MainWindow", "&File"));
        QVERIFY(window.menuBar()->actions().first()->text() != QStringLiteral("&File"));
        QCoreApplication::removeTranslator(&german);
    }

    void theGuideSpeaksTheInterfaceLanguage_data()
    {
        QTest::addColumn<QString>("language");
        QTest::addColumn<QString>("heading"); // "A first session" as it must read
        QTest::newRow("de") << "de"
                            << "Eine erste Sitzung";
        QTest::newRow("zh_CN") << "zh_CN"
                               << "第一次会话";
    }

    void theGuideSpeaksTheInterfaceLanguage()
    {
        QFETCH(QString, language);
        QFETCH(QString, heading);
        QTranslator translator;
        QVERIFY(translator.load(QStringLiteral(RNR_QM_DIR "/rnr-explorer_%1.qm").arg(language)));
        QCoreApplication::installTranslator(&translator);
        MainWindow window;
        const QString text = window.showGuide()->toPlainText();
        QCoreApplication::removeTranslator(&translator);
        QVERIFY(text.contains(heading));
        QVERIFY(!text.contains(QStringLiteral("A first session")));
        QVERIFY(!text.contains(QStringLiteral("Your own data")));
        // Links read as the translated menus and tabs, with no mnemonic left ("(&D)", "(D)", "&").
        const auto targets = window.guideTargets();
        for (auto target = targets.cbegin(); target != targets.cend(); ++target) {
            static const QRegularExpression mnemonic(QStringLiteral("\\([A-Z]\\)|&"));
            QVERIFY2(!target->label.contains(mnemonic),
                     qPrintable(target.key() + QStringLiteral(": ") + target->label));
        }
        QVERIFY(text.contains(window.guideTargets().value(QStringLiteral("page:results")).label));
    }
};

QTEST_MAIN(TestTranslations)
#include "tst_translations.moc"
