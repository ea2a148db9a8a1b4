// The log panel: one line per message with level and room, warnings signalled, capped, cleared.
#include "panels/logpanel.h"

#include <QSignalSpy>
#include <QTest>

using namespace rnr;

class TestLogPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void linesLevelsAndWarnings()
    {
        LogPanel panel;
        QSignalSpy warned(&panel, &LogPanel::warned);
        QCOMPARE(panel.lineCount(), 0);
        panel.append(LogMessage{LogLevel::Info, "io", "read a.csv"});
        panel.append(LogMessage{LogLevel::Warning, "io", "no titles"});
        QCOMPARE(panel.lineCount(), 2);
        const QStringList lines = panel.text().split(QLatin1Char('\n'));
        QVERIFY2(lines[0].endsWith(QStringLiteral("info  io: read a.csv")), qPrintable(lines[0]));
        QVERIFY2(lines[1].endsWith(QStringLiteral("warning  io: no titles")), qPrintable(lines[1]));
        QCOMPARE(warned.count(), 1);
        QCOMPARE(warned.first().first().toString(), QStringLiteral("no titles"));
        panel.clear();
        QCOMPARE(panel.lineCount(), 0);
    }

    void keepsTheLatestLines()
    {
        LogPanel panel;
        for (int i = 0; i < LogPanel::kMaxLines + 10; ++i)
            panel.append(LogMessage{LogLevel::Info, "train", "line " + std::to_string(i)});
        QCOMPARE(panel.lineCount(), LogPanel::kMaxLines);
        QVERIFY(panel.text().endsWith(QStringLiteral("line %1").arg(LogPanel::kMaxLines + 9)));
    }
};

QTEST_MAIN(TestLogPanel)
#include "tst_logpanel.moc"
