// Tests of loadDataset() on generic CSV/TSV files: the column mapping by name and by index, with and
// without a header, implicit feedback, the guessed mapping, quoting, bad mappings and bad rows,
// lines longer than a read chunk, and the preview the mapping dialog shows.
// Fixtures are written byte for byte as the publisher writes them (see loaderfixtures.h).
#include "loaderfixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <QByteArray>
#include <QByteArrayList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderCsv : public QObject
{
    Q_OBJECT

private slots:
    // Generic CSV / TSV
    void genericCsvColumnsByHeaderName();
    void genericCsvColumnsByIndexWithoutHeader();
    void genericCsvColumnsByIndexWithHeader();
    void genericCsvImplicitFeedbackWithoutTimestamps();
    void genericCsvGuessedMapping_data();
    void genericCsvGuessedMapping();
    void genericCsvQuotedFields();
    void genericCsvBadMapping_data();
    void genericCsvBadMapping();
    void genericCsvBadRows();
    void genericCsvLongLine();

    // Preview
    void csvPreviewForTheMappingDialog();
};

// ---------------------------------------------------------------------------------------------
// Generic CSV / TSV

void TestLoaderCsv::genericCsvColumnsByHeaderName()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "shop/ratings_semicolon.csv",
                                       joinLines({"Rating;Customer;Product;When", "4;alice;p1;2020-01-02",
                                                  "5;bob;p2;2020-01-03 10:00:00", "3;alice;p2;1577836800"}));
    LoadOptions options;
    options.csv.delimiter = ';';
    options.csv.user = "customer"; // names are case-insensitive
    options.csv.item = "PRODUCT";
    options.csv.rating = "Rating";
    options.csv.timestamp = "when";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QCOMPARE(result.report.format, Format::GenericCsv);
    QCOMPARE(str(data.name), QStringLiteral("ratings_semicolon.csv"));
    QCOMPARE(result.report.rowsRead, std::uint64_t{3});
    QVERIFY(data.hasTimestamps);
    QCOMPARE(toList(data.userIds), (QStringList{"alice", "bob"}));
    QCOMPARE(toList(data.itemIds), (QStringList{"p1", "p2"}));
    QCOMPARE(rowsOf(data),
             (QStringList{"alice | p1 | 4 | 1577923200", "alice | p2 | 3 | 1577836800", "bob | p2 | 5 | 1578045600"}));
    QCOMPARE(data.scale, (RatingScale{3.0f, 5.0f, 1.0f}));
    QVERIFY(data.itemTitles.empty());
}

void TestLoaderCsv::genericCsvColumnsByIndexWithoutHeader()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "data.txt", joinLines({"p1;alice;4;100", "p2;bob;5;200", "p1;bob;2;300"}));
    LoadOptions options;
    options.format = Format::GenericCsv;
    options.csv.delimiter = ';';
    options.csv.hasHeader = false;
    options.csv.user = "1";
    options.csv.item = "0";
    options.csv.rating = "2";
    options.csv.timestamp = "3";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsRead, std::uint64_t{3}); // the first line is data
    QCOMPARE(rowsOf(result.dataset), (QStringList{"alice | p1 | 4 | 100", "bob | p1 | 2 | 300", "bob | p2 | 5 | 200"}));
    QCOMPARE(toList(result.dataset.userIds), (QStringList{"alice", "bob"}));
    QCOMPARE(toList(result.dataset.itemIds), (QStringList{"p1", "p2"}));
}

void TestLoaderCsv::genericCsvColumnsByIndexWithHeader()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file =
        writeFile(dir, "data.csv", joinLines({"who,what,score,extra", "alice,p1,4,x", "bob,p1,2,y"}));
    LoadOptions options;
    options.csv.hasHeader = true;
    options.csv.user = "0";
    options.csv.item = "1";
    options.csv.rating = "2";
    options.csv.timestamp = "-";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.rowsRead, std::uint64_t{2});
    QVERIFY(!result.dataset.hasTimestamps);
    QCOMPARE(rowsOf(result.dataset), (QStringList{"alice | p1 | 4 | 2", "bob | p1 | 2 | 3"}));
}

void TestLoaderCsv::genericCsvImplicitFeedbackWithoutTimestamps()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "clicks.csv", "alice;p1\nbob;p1\nalice;p2\n\nalice;p1\n");
    LoadOptions options;
    options.csv.delimiter = ';';
    options.csv.hasHeader = false;
    options.csv.user = "0";
    options.csv.item = "1";
    options.csv.rating = "-";
    options.csv.timestamp = "-";
    const LoadResult result = load(file, options);
    CHECK_INVARIANTS(result);
    const Dataset& data = result.dataset;
    QVERIFY(!data.hasTimestamps);
    // Every rating is 1; the row (line) number stands in for time, so the later duplicate wins.
    QCOMPARE(rowsOf(data), (QStringList{"alice | p1 | 1 | 5", "alice | p2 | 1 | 3", "bob | p1 | 1 | 2"}));
    QCOMPARE(summary(result.report), QStringLiteral("duplicate 1 [1]"));
    QCOMPARE(data.scale, (RatingScale{1.0f, 1.0f, 1.0f}));
    QVERIFY(anyNoteContains(result.report, "implicit feedback"));
    QVERIFY(anyNoteContains(result.report, "order of the rows"));
}

void TestLoaderCsv::genericCsvGuessedMapping_data()
{
    QTest::addColumn<QByteArray>("header");
    QTest::addColumn<QByteArray>("order"); // u(ser) i(tem) r(ating) t(ime) x(other) per column
    QTest::addColumn<char>("delimiter");
    QTest::newRow("user_id,item_id,rating,timestamp")
        << QByteArray("user_id,item_id,rating,timestamp") << QByteArray("uirt") << ',';
    QTest::newRow("columns in another order")
        << QByteArray("timestamp,rating,item_id,user_id") << QByteArray("triu") << ',';
    QTest::newRow("TSV with capitals") << QByteArray("UserID\tMovieID\tRating\tTime") << QByteArray("uirt") << '\t';
    QTest::newRow("pipes, Amazon-style names")
        << QByteArray("reviewerID|asin|overall|unixReviewTime") << QByteArray("uirt") << '|';
    QTest::newRow("semicolons, extra column")
        << QByteArray("customer_id;comment;product_id;stars;date") << QByteArray("uxirt") << ';';
    QTest::newRow("quoted header names") << QByteArray("\"user\",\"item\",\"rating\",\"timestamp\"")
                                         << QByteArray("uirt") << ',';
}

void TestLoaderCsv::genericCsvGuessedMapping()
{
    QFETCH(QByteArray, header);
    QFETCH(QByteArray, order);
    QFETCH(char, delimiter);
    const struct
    {
        const char *user, *item, *rating, *time;
    } rows[] = {{"u1", "i1", "4", "100"}, {"u2", "i1", "5", "200"}, {"u1", "i2", "3", "300"}};
    QByteArray text = header + "\r\n";
    for (const auto& row : rows) {
        QByteArrayList fields;
        for (char role : order)
            fields << (role == 'u'   ? row.user
                       : role == 'i' ? row.item
                       : role == 'r' ? row.rating
                       : role == 't' ? row.time
                                     : "n/a");
        text += fields.join(delimiter) + "\r\n";
    }
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "export.txt", text);
    QCOMPARE(detectFormat(file), Format::GenericCsv);
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(result.report.format, Format::GenericCsv);
    QCOMPARE(result.report.rowsRead, std::uint64_t{3});
    QVERIFY(result.dataset.hasTimestamps);
    QCOMPARE(rowsOf(result.dataset), (QStringList{"u1 | i1 | 4 | 100", "u1 | i2 | 3 | 300", "u2 | i1 | 5 | 200"}));
}

void TestLoaderCsv::genericCsvQuotedFields()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file =
        writeFile(dir, "quoted.csv",
                  joinLines({"user,item,rating,timestamp", R"("Smith, J.","The ""Best"" Pizza",4,100)",
                             R"(plain,"a,b",5,"2020-01-01")"}));
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(toList(result.dataset.userIds), (QStringList{"Smith, J.", "plain"}));
    QCOMPARE(toList(result.dataset.itemIds), (QStringList{"The \"Best\" Pizza", "a,b"}));
    QCOMPARE(rowsOf(result.dataset),
             (QStringList{"Smith, J. | The \"Best\" Pizza | 4 | 100", "plain | a,b | 5 | 1577836800"}));
}

void TestLoaderCsv::genericCsvBadMapping_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<QString>("user");
    QTest::addColumn<int>("hasHeader"); // -1 detect, 0 no, 1 yes
    QTest::addColumn<QString>("cause");
    QTest::newRow("no such column name") << QByteArray("user,item,rating\nu1,i1,4\n") << "customer" << -1
                                         << "no column named 'customer'";
    QTest::newRow("index past the last column")
        << QByteArray("user,item,rating\nu1,i1,4\n") << "7" << -1 << "does not exist";
    QTest::newRow("negative index") << QByteArray("user,item,rating\nu1,i1,4\n") << "-2" << -1 << "does not exist";
    QTest::newRow("name but no header") << QByteArray("u1,i1,4\nu2,i1,5\n") << "user" << 0 << "has no header";
    QTest::newRow("nothing to guess from")
        << QByteArray("alpha,beta,gamma\nu1,i1,4\n") << "" << -1 << "cannot tell which column holds the user";
}

void TestLoaderCsv::genericCsvBadMapping()
{
    QFETCH(QByteArray, text);
    QFETCH(QString, user);
    QFETCH(int, hasHeader);
    QFETCH(QString, cause);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "mapped.csv", text);
    LoadOptions options;
    options.format = Format::GenericCsv;
    options.csv.user = user.toStdString();
    if (hasHeader >= 0)
        options.csv.hasHeader = hasHeader == 1;
    const auto error = dataErrorFrom([&] { load(file, options); });
    QVERIFY(error.has_value());
    QCOMPARE(str(error->file()), str(file));
    QCOMPARE(error->line(), std::uint64_t{1});
    QVERIFY2(str(error->cause()).contains(cause), error->what());
}

void TestLoaderCsv::genericCsvBadRows()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string file = writeFile(dir, "mixed.csv",
                                       joinLines({
                                           "user,item,rating,timestamp", // 1 header
                                           "u1,i1,4,100",                // 2 ok
                                           "u2,i2",                      // 3 malformed
                                           "u3,,4,100",                  // 4 missing item
                                           "u4,i4,,100",                 // 5 missing rating
                                           "u5,i5,four,100",             // 6 not numeric
                                           "u6,i6,4,soon",               // 7 not numeric
                                           "u7,\"i7,4,100",              // 8 broken quoting
                                           "u8,i8,4,100,extra",          // 9 ok: extra fields are allowed
                                           "u9,i9,nan,100",              // 10 not a finite number
                                           "u1,i1,2,50",                 // 11 duplicate, older
                                           "",                           // 12 blank
                                           "u10,i10,-2.5,2020-01-01",    // 13 ok: no declared scale
                                       }));
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report),
             QStringLiteral("malformed 2 [3,8]; missing-field 2 [4,5]; not-numeric 3 [6,7,10]; duplicate 1 [11]"));
    QCOMPARE(result.report.rowsRead, std::uint64_t{11});
    QCOMPARE(result.report.rowsKept, std::uint64_t{3});
    QCOMPARE(rowsOf(result.dataset),
             (QStringList{"u1 | i1 | 4 | 100", "u10 | i10 | -2.5 | 1577836800", "u8 | i8 | 4 | 100"}));
    QCOMPARE(result.dataset.scale, (RatingScale{-2.5f, 4.0f, 0.5f}));
}

void TestLoaderCsv::genericCsvLongLine()
{
    // One line of 5.5 MB (more than the reader's 4 MB chunk) between ordinary lines: the reader
    // must grow its buffer and hand out the whole line.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qsizetype longField = qsizetype{11} << 19; // 5.5 MiB
    const QByteArray text = "user,item,rating,comment\nu1,i1,4,short\nu2,i1,5," + repeated('x', longField) +
                            "\nu3,i2,3,short\r\nu4,i2,2," + repeated('y', longField) + "\r\nu5,i3,1,end";
    const std::string file = writeFile(dir, "long.csv", text);
    const LoadResult result = load(file);
    CHECK_INVARIANTS(result);
    QCOMPARE(summary(result.report), QString());
    QCOMPARE(result.report.rowsRead, std::uint64_t{5});
    QVERIFY(!result.dataset.hasTimestamps); // "comment" is not a time column
    QCOMPARE(rowsOf(result.dataset), (QStringList{"u1 | i1 | 4 | 2", "u2 | i1 | 5 | 3", "u3 | i2 | 3 | 4",
                                                  "u4 | i2 | 2 | 5", "u5 | i3 | 1 | 6"}));
}

// ---------------------------------------------------------------------------------------------
// Preview

void TestLoaderCsv::csvPreviewForTheMappingDialog()
{
    QTemporaryDir dir;
    // A header (with a BOM) whose usual names are guessed; CRLF line ends.
    const std::string named =
        writeFile(dir, QStringLiteral("named.csv"), "\xEF\xBB\xBFuserId,movieId,rating\r\n1,10,4\r\n2,10,5\r\n");
    CsvPreview p = previewCsv(named);
    QCOMPARE(p.delimiter, ',');
    QVERIFY(p.hasHeader);
    QCOMPARE(p.columns, (std::vector<std::string>{"userId", "movieId", "rating"}));
    QCOMPARE(p.user, std::optional<std::size_t>(0));
    QCOMPARE(p.item, std::optional<std::size_t>(1));
    QCOMPARE(p.rating, std::optional<std::size_t>(2));
    QCOMPARE(p.timestamp, std::optional<std::size_t>());
    QCOMPARE(p.rows.size(), 2u);
    QCOMPARE(p.rows[1], (std::vector<std::string>{"2", "10", "5"}));
    // No header: numbered columns, the usual order assumed; maxRows respected.
    const std::string bare =
        writeFile(dir, QStringLiteral("bare.tsv"), "1\t10\t4\t100\n2\t11\t3\t101\n3\t12\t2\t102\n");
    p = previewCsv(bare, CsvMapping{}, 2);
    QCOMPARE(p.delimiter, '\t');
    QVERIFY(!p.hasHeader);
    QCOMPARE(p.columns.front(), std::string("column 0"));
    QCOMPARE(p.timestamp, std::optional<std::size_t>(3));
    QCOMPARE(p.rows.size(), 2u);
    // A thousand columns are cut to 200; a 3 MiB line without an end stays one short row.
    QByteArray wide;
    for (int c = 0; c < 1000; ++c)
        wide += (c ? "," : "") + QByteArray::number(c);
    p = previewCsv(writeFile(dir, QStringLiteral("wide.csv"), wide + '\n' + wide + '\n'));
    QCOMPARE(p.columns.size(), 200u);
    QCOMPARE(p.rows.size(), 2u); // numbers only: no header
    QCOMPARE(p.rows[0].size(), 200u);
    QByteArray endless(3 << 20, 'x');
    p = previewCsv(writeFile(dir, QStringLiteral("endless.csv"), "a,b\n" + endless));
    QVERIFY(p.rows.size() <= 1);
    // An empty file is a clear error.
    QVERIFY_THROWS_EXCEPTION(DataError, previewCsv(writeFile(dir, QStringLiteral("empty.csv"), "")));
}

QTEST_APPLESS_MAIN(TestLoaderCsv)
#include "tst_loader_csv.moc"
