// The user inspector: history with the held-out rating marked, top-k of several runs side by
// side without training items, the held-out item's rank per run, disagreements marked.
#include "../trainedruns.h"
#include "views/userinspector.h"

#include <QCompleter>
#include <QCoreApplication>
#include <QFocusEvent>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableWidget>
#include <QTest>

using namespace rnr;

class TestUserInspector : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_bpr, m_rnr;

private Q_SLOTS:
    void hintAndHeadersFollowTheRuns()
    {
        UserInspector inspector;
        inspector.setDataset(m_data);
        QVERIFY(inspector.status().contains(QStringLiteral("Train a model")));
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        QVERIFY2(!inspector.status().contains(QStringLiteral("Train a model")), qPrintable(inspector.status()));
        QVERIFY(inspector.status().contains(QStringLiteral("user id")));
        QTableWidget* table = inspector.runTable(0);
        QVERIFY(table);
        QCOMPARE(table->horizontalHeaderItem(3)->text(), QStringLiteral("\u2260")); // the column has a header
    }

    void initTestCase()
    {
        m_data = fixtures::smallDemo(200, 150);
        m_bpr = fixtures::trained(*m_data, "bpr", 2);
        m_rnr = fixtures::trained(*m_data, "rnr:bpr+svd", 2);
    }

    void showsAUser()
    {
        UserInspector inspector;
        inspector.setDataset(m_data);
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        inspector.addRun(QStringLiteral("RnR #2"), m_data, m_rnr);
        QCOMPARE(inspector.runCount(), 2);
        const std::uint32_t user = 5;
        QVERIFY(inspector.showUser(QString::fromStdString(m_data->userIds[user])));
        std::size_t ratings = 0;
        for (const auto& x : m_data->interactions)
            ratings += x.user == user;
        QCOMPARE(inspector.historyTable()->rowCount(), int(ratings));
        // Every user has a held-out rating (n = all): exactly one row is starred, the latest.
        int starred = 0;
        for (int r = 0; r < inspector.historyTable()->rowCount(); ++r)
            starred += inspector.historyTable()->item(r, 1)->text().startsWith(QStringLiteral("\u2605"));
        QCOMPARE(starred, 1);
        QVERIFY(inspector.historyTable()->item(0, 1)->text().startsWith(QStringLiteral("\u2605")));
        for (int run = 0; run < 2; ++run) {
            QTableWidget* table = inspector.runTable(run);
            QCOMPARE(table->rowCount(), 10);
            for (int r = 0; r < table->rowCount(); ++r) {
                const QString title = table->item(r, 1)->text();
                for (const std::uint32_t trained : (run == 0 ? m_bpr : m_rnr)->history().of(user))
                    QVERIFY2(title != QString::fromStdString(m_data->itemLabel(trained)),
                             "a training item was recommended");
            }
        }
        QCOMPARE(inspector.runTable(0)->item(0, 2)->text(), QStringLiteral("\u2013")); // BPR has no rating
        QVERIFY(inspector.runTable(1)->item(0, 2)->text().toDouble() >= 1.0);
        const auto captions = inspector.findChildren<QLabel*>();
        int ranked = 0;
        for (const QLabel* caption : captions)
            ranked += caption->text().contains(QStringLiteral("held-out item ranked"));
        QCOMPARE(ranked, 2);
    }

    void marksDisagreements()
    {
        UserInspector inspector;
        inspector.setDataset(m_data);
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        inspector.addRun(QStringLiteral("RnR #2"), m_data, m_rnr);
        // Some user whose two top-10 lists differ gets a mark in both tables.
        bool found = false;
        for (std::uint32_t user = 0; user < 50 && !found; ++user) {
            inspector.showUser(QString::fromStdString(m_data->userIds[user]));
            int marks = 0;
            for (int run = 0; run < 2; ++run)
                for (int r = 0; r < 10; ++r)
                    marks += inspector.runTable(run)->item(r, 3)->text().contains(QStringLiteral("\u2260"));
            found = marks >= 2;
        }
        QVERIFY(found);
    }

    void runsOfDifferentDataSets()
    {
        // Issue 10, defect 2: a run of another data set says so and shows none of its titles
        // (its dense ids mean other items); the history and the lookup use the open data set.
        const auto other = fixtures::smallDemo(40, 30);
        const auto otherBpr = fixtures::trained(*other, "bpr", 1);
        UserInspector inspector;
        inspector.setDataset(m_data);
        inspector.addRun(QStringLiteral("other #1"), other, otherBpr);
        inspector.addRun(QStringLiteral("BPR #2"), m_data, m_bpr);
        QVERIFY(!inspector.runOnOpenDataset(0));
        QVERIFY(inspector.runOnOpenDataset(1));
        // A user id both data sets have: the other run still shows nothing of its own.
        const std::string id = other->userIds[3];
        QVERIFY(std::find(m_data->userIds.begin(), m_data->userIds.end(), id) != m_data->userIds.end());
        QVERIFY(inspector.showUser(QString::fromStdString(id)));
        QCOMPARE(inspector.runTable(0)->rowCount(), 0);
        QVERIFY(!inspector.runTable(0)->isEnabled());
        QVERIFY2(inspector.runCaption(0).contains(QString::fromStdString(other->name)) &&
                     inspector.runCaption(0).contains(QStringLiteral("not on the open data set")),
                 qPrintable(inspector.runCaption(0)));
        QCOMPARE(inspector.runTable(1)->rowCount(), 10);
        QVERIFY(inspector.status().contains(QString::fromStdString(m_data->name)));
        // The history is the open data set's.
        std::size_t ratings = 0;
        const auto dense =
            std::uint32_t(std::find(m_data->userIds.begin(), m_data->userIds.end(), id) - m_data->userIds.begin());
        for (const auto& x : m_data->interactions)
            ratings += x.user == dense;
        QCOMPARE(inspector.historyTable()->rowCount(), int(ratings));
        // Selecting an item of the open data set touches its tables only.
        inspector.selectItem(m_data.get(), inspector.runTable(1)->item(2, 1)->data(Qt::UserRole).toUInt());
        QVERIFY(inspector.runTable(1)->item(2, 1)->isSelected());
        // Opening the other data set turns the tables round.
        inspector.setDataset(other);
        QVERIFY(inspector.runOnOpenDataset(0));
        QVERIFY(!inspector.runOnOpenDataset(1));
        QCOMPARE(inspector.runTable(0)->rowCount(), int(std::min<std::size_t>(10, other->itemCount())));
        QCOMPARE(inspector.runTable(1)->rowCount(), 0);
    }

    void aCopyOfTheOpenDataSetCounts()
    {
        // A session's runs carry their own copy of the data: equal content is the same data set.
        UserInspector inspector;
        inspector.setDataset(std::make_shared<const Dataset>(*m_data));
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        QVERIFY(inspector.runOnOpenDataset(0));
        QVERIFY(inspector.showUser(QString::fromStdString(m_data->userIds[7])));
        QCOMPARE(inspector.runTable(0)->rowCount(), 10);
    }

    void unknownUserNamesTheOpenDataSet()
    {
        const auto other = fixtures::smallDemo(40, 30);
        UserInspector inspector;
        inspector.setDataset(other);
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr); // the latest run is of another set
        QVERIFY(!inspector.showUser(QStringLiteral("no such user")));
        QVERIFY2(inspector.status().contains(QString::fromStdString(other->name)), qPrintable(inspector.status()));
    }

    void layoutFitsTheTopTen()
    {
        // Issue 10, defect 3: with four runs side by side every row of the top 10 is in view,
        // titles keep room, headers are whole, and the placeholder is not clipped.
        UserInspector inspector;
        inspector.setDataset(m_data);
        for (int r = 0; r < 4; ++r)
            inspector.addRun(QStringLiteral("Run #%1").arg(r + 1), m_data, r % 2 ? m_rnr : m_bpr);
        inspector.resize(1200, 800);
        inspector.show();
        QVERIFY(QTest::qWaitForWindowExposed(&inspector));
        QVERIFY(inspector.showUser(QString::fromStdString(m_data->userIds[11])));
        QCoreApplication::processEvents();
        const QFontMetrics fm = inspector.fontMetrics();
        for (int r = 0; r < 4; ++r) {
            QTableWidget* table = inspector.runTable(r);
            QCOMPARE(table->rowCount(), 10);
            QVERIFY2(table->verticalScrollBar()->maximum() == 0, "the top 10 needs scrolling");
            QVERIFY2(table->columnWidth(1) >= fm.horizontalAdvance(QStringLiteral("Recommended item")),
                     qPrintable(QString::number(table->columnWidth(1))));
            QVERIFY(table->columnWidth(1) >= 20 * fm.averageCharWidth());
            QCOMPARE(table->item(0, 1)->toolTip(), table->item(0, 1)->text());
        }
        QLineEdit* search = inspector.searchField();
        QVERIFY(search->width() >= fm.horizontalAdvance(search->placeholderText()));
        // Completion over the open data set's user ids.
        QVERIFY(search->completer());
        QCOMPARE(search->completer()->model()->rowCount(), int(m_data->userCount()));
    }

    void userIdsCompleteWhenFirstNeeded()
    {
        // The ids are converted when the field is first used (MovieLens-20M has 138,493), not as
        // the data set opens: none before, all of them on focus; a field in use follows a new set.
        UserInspector inspector;
        inspector.setDataset(m_data);
        QLineEdit* search = inspector.searchField();
        QAbstractItemModel* ids = search->completer()->model();
        QCOMPARE(ids->rowCount(), 0);
        QFocusEvent focus(QEvent::FocusIn);
        QCoreApplication::sendEvent(search, &focus);
        QCOMPARE(ids->rowCount(), int(m_data->userCount()));
        const auto smaller = fixtures::smallDemo(120, 90);
        inspector.setDataset(smaller);
        QCOMPARE(ids->rowCount(), 0); // idle field: deferred, and not the last set's ids meanwhile
        search->setText(QStringLiteral("1"));
        QCOMPARE(ids->rowCount(), int(smaller->userCount()));
        inspector.setDataset(m_data); // text in the field but no focus: still deferred
        QCOMPARE(ids->rowCount(), 0);
        QCoreApplication::sendEvent(search, &focus);
        QCOMPARE(ids->rowCount(), int(m_data->userCount()));
        QCOMPARE(ids->index(0, 0).data().toString(), QString::fromStdString(m_data->userIds[0]));
    }

    void unknownUser()
    {
        UserInspector inspector;
        QVERIFY(!inspector.showUser(QStringLiteral("1")));
        inspector.setDataset(m_data);
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        QVERIFY(!inspector.showUser(QStringLiteral("no such user")));
        QVERIFY(inspector.status().contains(QStringLiteral("No user")));
    }
};

QTEST_MAIN(TestUserInspector)
#include "tst_userinspector.moc"
