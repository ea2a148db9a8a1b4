// The thread hand-over helpers: a queued call runs on its receiver's thread and sees what the
// sender wrote; a call whose receiver is deleted before delivery frees what it carries; a pool
// task runs. Under TSan (the tsan preset) each case must also give no report.
#include "threads/crossthread.h"

#include <QCoreApplication>
#include <QTest>
#include <QThread>

#include <atomic>
#include <memory>
#include <thread>
#include <vector>

using namespace rnr;

class TestCrossThread : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void queuedCallRunsOnTheReceiversThread()
    {
        QObject receiver;
        Qt::HANDLE ranOn = nullptr;
        std::vector<int> seen;
        std::thread sender([&] {
            auto values = std::make_shared<std::vector<int>>(1000, 7); // written on this thread
            postTo(&receiver, [&, values] {
                ranOn = QThread::currentThreadId();
                seen = *values;
            });
        });
        sender.join();
        QTRY_COMPARE(seen.size(), std::size_t{1000});
        QCOMPARE(seen.back(), 7);
        QCOMPARE(ranOn, QThread::currentThreadId());
    }

    void callDroppedWithItsReceiverFreesItsValues()
    {
        // The values are made on another thread and freed here, undelivered, when the receiver
        // goes: the case of a view closed while its background result is on the way. The sender
        // is joined only afterwards and signals "posted" with a relaxed store, so nothing but the
        // hand-over orders the two threads (as with a pool thread that lives on).
        struct Values
        {
            Values(int value, bool* freedFlag) : numbers(100, value), freed(freedFlag) {}
            Values(const Values&) = delete;
            Values& operator=(const Values&) = delete;
            ~Values() { *freed = true; }
            std::vector<int> numbers;
            bool* freed;
        };
        for (int round = 0; round < 20; ++round) {
            auto receiver = std::make_unique<QObject>();
            bool freed = false;
            bool ran = false;
            std::atomic<bool> posted{false};
            std::thread sender([&, target = receiver.get()] {
                auto values = std::make_shared<Values>(round, &freed);
                postTo(target, [&ran, values] { ran = !values->numbers.empty(); });
                posted.store(true, std::memory_order_relaxed);
            });
            while (!posted.load(std::memory_order_relaxed))
                std::this_thread::yield();
            QVERIFY(!freed);  // the queued call holds them
            receiver.reset(); // before the event loop ran
            QVERIFY(freed);
            QCoreApplication::processEvents();
            QVERIFY(!ran);
            sender.join();
        }
    }

    void poolTaskRunsAndHandsBack()
    {
        QThreadPool pool;
        QObject receiver;
        std::atomic<int> done{0};
        int total = 0;
        for (int i = 1; i <= 10; ++i) {
            startOnPool(pool, [&, i] {
                auto part = std::make_shared<int>(i);
                postTo(&receiver, [&, part] {
                    total += *part;
                    ++done;
                });
            });
        }
        pool.waitForDone();
        QTRY_COMPARE(done.load(), 10);
        QCOMPARE(total, 55);
    }
};

QTEST_GUILESS_MAIN(TestCrossThread)
#include "tst_crossthread.moc"
