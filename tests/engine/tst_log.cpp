// The engine's log: one injectable sink, owned; messages from loading, training and files.
#include "../trainedruns.h"
#include "core/log.h"
#include "io/loader.h"
#include "model/model.h"
#include "persist/checkpoint.h"

#include <QTemporaryDir>
#include <QTest>

#include <fstream>
#include <mutex>
#include <thread>

using namespace rnr;

class TestLog : public QObject
{
    Q_OBJECT

    std::mutex m_mutex;
    std::vector<LogMessage> m_messages;

    void install(const void* owner)
    {
        setLogSink(
            [this](const LogMessage& m) {
                const std::lock_guard lock(m_mutex);
                m_messages.push_back(m);
            },
            owner);
    }
    bool saw(LogLevel level, const std::string& source, const std::string& part)
    {
        const std::lock_guard lock(m_mutex);
        for (const LogMessage& m : m_messages)
            if (m.level == level && m.source == source && m.text.find(part) != std::string::npos)
                return true;
        return false;
    }

private Q_SLOTS:
    void init() { m_messages.clear(); }
    void cleanup() { clearLogSink(this); }

    void withoutASinkNothingHappens()
    {
        clearLogSink(this);
        logInfo("test", "dropped");
        QVERIFY(m_messages.empty());
    }

    void onlyTheOwnerClearsTheSink()
    {
        const int other = 0;
        install(this);
        clearLogSink(&other); // not theirs: stays
        logWarning("test", "kept");
        QVERIFY(saw(LogLevel::Warning, "test", "kept"));
        clearLogSink(this);
        logInfo("test", "gone");
        QVERIFY(!saw(LogLevel::Info, "test", "gone"));
        QCOMPARE(logLevelName(LogLevel::Warning), std::string_view("warning"));
    }

    void messagesFromManyThreadsArriveWhole()
    {
        install(this);
        std::vector<std::thread> threads;
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([t] {
                for (int i = 0; i < 250; ++i)
                    logInfo("test", "thread " + std::to_string(t) + " message " + std::to_string(i));
            });
        for (std::thread& thread : threads)
            thread.join();
        QCOMPARE(m_messages.size(), std::size_t(1000));
    }

    void loadingTrainingAndFilesSpeak()
    {
        install(this);
        QTemporaryDir dir;
        const std::string ratings = dir.filePath(QStringLiteral("ratings.dat")).toStdString();
        {
            std::ofstream out(ratings);
            for (int u = 1; u <= 20; ++u)
                for (int i = 1; i <= 8; ++i)
                    out << u << "::" << (u + i) % 15 + 1 << "::" << (u * i) % 5 + 1 << "::" << 1000 + i << "\n";
            out << "broken row\n";
        }
        const LoadResult loaded = loadDataset(ratings);
        QVERIFY(saw(LogLevel::Info, "io", "read " + ratings));
        QVERIFY(saw(LogLevel::Warning, "io", "1 rows skipped"));
        QVERIFY(saw(LogLevel::Warning, "io", "movies.dat")); // no titles beside it: a note, as a warning

        const auto data = fixtures::smallDemo(60, 40);
        const RunResult run = fixtures::trainedRun(*data, "bpr", 2);
        QVERIFY(saw(LogLevel::Info, "train", "training BPR"));
        QVERIFY(saw(LogLevel::Info, "train", "BPR: best epoch"));

        const std::string file = dir.filePath(QStringLiteral("m.rnrmodel")).toStdString();
        saveCheckpoint(makeCheckpoint(run.model, *data), file);
        QVERIFY(saw(LogLevel::Info, "persist", "wrote " + file + " (checkpoint"));
        loadCheckpoint(file);
        QVERIFY(saw(LogLevel::Info, "persist", "read " + file + " (checkpoint format 1"));
    }
};

QTEST_GUILESS_MAIN(TestLog)
#include "tst_log.moc"
