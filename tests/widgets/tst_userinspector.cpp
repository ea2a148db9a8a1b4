// The user inspector: history with the held-out rating marked, top-k of several runs side by
// side without training items, the held-out item's rank per run, disagreements marked.
#include "../trainedruns.h"
#include "views/userinspector.h"

#include <QLabel>
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
        // A smaller data set whose dense ids end before the shown user's: its run must say the
        // user is not there, not read past its model.
        const auto small = fixtures::smallDemo(40, 30);
        const auto smallBpr = fixtures::trained(*small, "bpr", 1);
        UserInspector inspector;
        inspector.addRun(QStringLiteral("small #1"), small, smallBpr);
        inspector.addRun(QStringLiteral("BPR #2"), m_data, m_bpr);
        const std::string id = m_data->userIds[150];
        QVERIFY(std::find(small->userIds.begin(), small->userIds.end(), id) == small->userIds.end());
        QVERIFY(inspector.showUser(QString::fromStdString(id)));
        QCOMPARE(inspector.runTable(0)->rowCount(), 0);
        QCOMPARE(inspector.runTable(1)->rowCount(), 10);
        QVERIFY(inspector.findChildren<QLabel*>().size() > 0);
        bool said = false;
        for (const QLabel* label : inspector.findChildren<QLabel*>())
            said = said || label->text().contains(QStringLiteral("no user"));
        QVERIFY(said);
        // Selecting an item of one data set touches only the tables of that data set.
        inspector.runTable(0)->selectRow(0);
        inspector.selectItem(m_data.get(), inspector.runTable(1)->item(2, 1)->data(Qt::UserRole).toUInt());
        QVERIFY(inspector.runTable(1)->item(2, 1)->isSelected());
        QVERIFY(inspector.runTable(0)->selectedItems().isEmpty() || inspector.runTable(0)->rowCount() == 0);
    }

    void unknownUser()
    {
        UserInspector inspector;
        QVERIFY(!inspector.showUser(QStringLiteral("1")));
        inspector.addRun(QStringLiteral("BPR #1"), m_data, m_bpr);
        QVERIFY(!inspector.showUser(QStringLiteral("no such user")));
        QVERIFY(inspector.status().contains(QStringLiteral("No user")));
    }
};

QTEST_MAIN(TestUserInspector)
#include "tst_userinspector.moc"
