// The engine is an island (docs/architecture.md, rule 1): no Qt header, no Qt macro under engine/,
// and no TBB header in a public engine header that Qt code may include (rule 2).
#include <QDirIterator>
#include <QFile>
#include <QRegularExpression>
#include <QTest>

namespace {
// Built from pieces so that the patterns themselves never look like a Qt include to moc.
QRegularExpression qtPattern()
{
    return QRegularExpression(QStringLiteral("#\\s*include\\s*[<\"](Q[A-Za-z]|qt)|Q_") + QStringLiteral("OBJECT|Q_") +
                              QStringLiteral("GADGET"));
}
QRegularExpression tbbPattern()
{
    return QRegularExpression(QStringLiteral("#\\s*include\\s*[<\"](oneapi/)?tbb/"));
}
} // namespace

class TestEngineIsolation : public QObject
{
    Q_OBJECT

private:
    static QStringList engineFiles(const QStringList& filters)
    {
        QStringList files;
        QDirIterator it(QStringLiteral(RNR_SOURCE_DIR "/engine"), filters, QDir::Files, QDirIterator::Subdirectories);
        while (it.hasNext())
            files << it.next();
        return files;
    }

    static QStringList offenders(const QStringList& files, const QRegularExpression& pattern)
    {
        QStringList hits;
        for (const QString& path : files) {
            QFile file(path);
            if (!file.open(QIODevice::ReadOnly))
                hits << path + QStringLiteral(" (unreadable)");
            const QString text = QString::fromUtf8(file.readAll());
            if (const auto match = pattern.match(text); match.hasMatch())
                hits << path + QStringLiteral(": ") + match.captured(0);
        }
        return hits;
    }

private Q_SLOTS:
    void engineHasSources()
    {
        QVERIFY2(engineFiles({QStringLiteral("*.cpp")}).size() >= 5, "engine/ sources not found: the test cannot look");
    }

    void noQtInEngine()
    {
        const QRegularExpression qt = qtPattern();
        const QStringList hits = offenders(engineFiles({QStringLiteral("*.h"), QStringLiteral("*.cpp")}), qt);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void noTbbInPublicHeaders()
    {
        const QRegularExpression tbb = tbbPattern();
        const QStringList hits = offenders(engineFiles({QStringLiteral("*.h")}), tbb);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
    }

    void viewsAndAppsIncludeNoEngineInternals()
    {
        // engine/<room>/detail/ holds what only the engine (and its tests) may use
        // (docs/architecture.md, "Layout"): widgets/ and app/ reach the engine through the rooms'
        // public headers.
        const QRegularExpression internal(QStringLiteral("#\\s*include\\s*\"[a-z]+/detail/"));
        QStringList files;
        for (const char* dir : {"/widgets", "/app"}) {
            QDirIterator it(QStringLiteral(RNR_SOURCE_DIR) + QLatin1String(dir),
                            {QStringLiteral("*.h"), QStringLiteral("*.cpp")}, QDir::Files,
                            QDirIterator::Subdirectories);
            while (it.hasNext())
                files << it.next();
        }
        QVERIFY2(files.size() >= 20, "widgets/ and app/ sources not found: the test cannot look");
        const QStringList hits = offenders(files, internal);
        QVERIFY2(hits.isEmpty(), qPrintable(hits.join(QLatin1Char('\n'))));
        QVERIFY(internal.match(QStringLiteral("#include \"train/detail/optimizer.h\"")).hasMatch());
        QVERIFY(!internal.match(QStringLiteral("#include \"train/trainer.h\"")).hasMatch());
    }

    void patternCatchesQtIncludes()
    {
        // The check must be able to fail: feed it a line it has to catch.
        const QRegularExpression qt = qtPattern();
        QVERIFY(qt.match(QStringLiteral("#include <QString>")).hasMatch());
        QVERIFY(qt.match(QStringLiteral("#  include \"QtCore/qglobal.h\"")).hasMatch());
        QVERIFY(tbbPattern().match(QStringLiteral("#include <tbb/parallel_for.h>")).hasMatch());
        QVERIFY(!qt.match(QStringLiteral("#include <vector>")).hasMatch());
    }
};

QTEST_APPLESS_MAIN(TestEngineIsolation)
#include "tst_engineisolation.moc"
