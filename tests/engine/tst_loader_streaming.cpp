// Tests of reading files in chunks: progress reports, cancelling before and during a load (metadata
// included), and the line reader (BOM, CRLF, blank lines, a line longer than two chunks, refusals).
// Fixtures are written byte for byte as the publisher writes them (see loaderfixtures.h).
#include "loaderfixtures.h"

#include "core/errors.h"
#include "data/dataset.h"
#include "io/detail/idmap.h"
#include "io/detail/linereader.h"
#include "io/loader.h"
#include "io/loadoptions.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>
#include <QTemporaryDir>
#include <QTest>

#include <atomic>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

using namespace loaderfixtures;

class TestLoaderStreaming : public QObject
{
    Q_OBJECT

private slots:
    // Progress, cancel
    void progressIsReported();
    void cancelBeforeLoading_data();
    void cancelBeforeLoading();
    void cancelWhileLoading();

    // Line reader
    void lineReaderHandsOutEveryLine();
    void lineReaderEstimatesTheLines();
    void duplicatesAmongManyUsersAreFound();

    // Ids
    void largeNumericIdsStayInProportion();
};

// ---------------------------------------------------------------------------------------------
// Progress, cancel

void TestLoaderStreaming::progressIsReported()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    // Larger than one 4 MB chunk, so that progress is reported more than once.
    const QByteArray text =
        "user,item,rating,note\nu1,i1,4,a\nu2,i1,5," + repeated('x', qsizetype{5} << 20) + "\nu3,i2,3,b\n";
    const std::string file = writeFile(dir, "big.csv", text);
    std::vector<std::pair<std::uint64_t, std::uint64_t>> calls;
    LoadOptions options;
    options.progress = [&](std::uint64_t done, std::uint64_t total) { calls.emplace_back(done, total); };
    const LoadResult result = load(file, options);
    QCOMPARE(result.report.rowsKept, std::uint64_t{3});
    QVERIFY2(calls.size() >= 2, qPrintable(QString::number(calls.size())));
    const auto size = static_cast<std::uint64_t>(text.size());
    std::uint64_t previous = 0;
    for (const auto& [done, total] : calls) {
        QCOMPARE(total, size);
        QVERIFY(done >= previous);
        QVERIFY(done <= total);
        previous = done;
    }
    QCOMPARE(calls.back().first, size);

    // Small files report too (once at least), metadata files included.
    calls.clear();
    load(writePublisherFolder(dir, "ml", "ml-100k"), options);
    QVERIFY(!calls.empty());
}

void TestLoaderStreaming::cancelBeforeLoading_data()
{
    QTest::addColumn<QString>("key");
    for (const char* key : {"ml-100k", "ml-1m", "ml-latest", "yelp", "csv"})
        QTest::newRow(key) << QString::fromLatin1(key);
}

void TestLoaderStreaming::cancelBeforeLoading()
{
    QFETCH(QString, key);
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const std::string path = writePublisherFolder(dir, "data", key);
    std::atomic<bool> cancel{true};
    LoadOptions options;
    options.cancel = &cancel;
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(path, options));
    cancel = false;
    QVERIFY(load(path, options).report.rowsKept > 0);
}

void TestLoaderStreaming::cancelWhileLoading()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const QByteArray text = "user,item,rating,note\nu1,i1,4,a\nu2,i1,5," + repeated('x', qsizetype{5} << 20) + "\n";
    const std::string file = writeFile(dir, "big.csv", text);
    std::atomic<bool> cancel{false};
    int calls = 0;
    LoadOptions options;
    options.cancel = &cancel;
    options.progress = [&](std::uint64_t, std::uint64_t) {
        ++calls;
        cancel = true; // another thread would raise it; the loader notices at the next chunk
    };
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(file, options));
    QCOMPARE(calls, 1);

    // Cancelled while reading the metadata beside small ratings files.
    const std::string folder = writePublisherFolder(dir, "ml", "ml-1m");
    cancel = false;
    calls = 0;
    QVERIFY_THROWS_EXCEPTION(rnr::Cancelled, loadDataset(folder, options));
    QCOMPARE(calls, 1);
}

// ---------------------------------------------------------------------------------------------
// Line reader

void TestLoaderStreaming::lineReaderEstimatesTheLines()
{
    // 5,000 lines of 10 bytes: after 4,096 of them (40,960 bytes) the mean is 10 bytes, so the
    // estimate is 1.1 x 50,000 / 10 + 1,024 = 6,524 lines; none before the first line.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray text;
    for (int k = 0; k < 5000; ++k)
        text += "1,2,3,400\n";
    LoadOptions options;
    LineReader reader(writeFile(dir, "lines.txt", text), options);
    QCOMPARE(reader.estimatedLines(), std::uint64_t(0));
    std::string_view line;
    while (reader.lineNumber() < 4096 && reader.next(line)) {
    }
    QCOMPARE(reader.estimatedLines(), std::uint64_t(6524));

    // 4,096 blank lines first, then 1,000 of 10 bytes (14,096 bytes): the mean of 1 byte counts as
    // 4, and the estimate, 1.1 x 14,096 / 4 + 1,024 = 4,900, is capped at 14,096 / 4 + 1 = 3,525.
    QByteArray blankFirst(4096, '\n');
    for (int k = 0; k < 1000; ++k)
        blankFirst += "1,2,3,400\n";
    LineReader blanks(writeFile(dir, "blank-first.txt", blankFirst), options);
    while (blanks.lineNumber() < 4096 && blanks.next(line)) {
    }
    QCOMPARE(blanks.estimatedLines(), std::uint64_t(3525));
}

void TestLoaderStreaming::duplicatesAmongManyUsersAreFound()
{
    // 3,000 users with 3 ratings each in a MovieLens 1M file (past the line at which the rows are
    // reserved); users 0, 1,234 and 2,999 rate one item twice, the second time later: each
    // earlier line is reported as a duplicate and the later rating kept; no other user loses one.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QByteArray text;
    std::vector<std::uint64_t> expected;
    std::uint64_t lineNumber = 0;
    for (int u = 1; u <= 3000; ++u) {
        for (int k = 0; k < 3; ++k)
            text += QByteArray::number(u) + "::" + QByteArray::number((u * 7 + k * 101) % 3706 + 1) +
                    "::3::" + QByteArray::number(1000 + k) + "\n";
        lineNumber += 3;
        if (u == 1 || u == 1235 || u == 3000) {
            text += QByteArray::number(u) + "::" + QByteArray::number((u * 7 + 101) % 3706 + 1) + "::5::2000\n";
            ++lineNumber;
            expected.push_back(lineNumber - 2); // the user's second line
        }
    }
    const LoadResult result = loadDataset(writeFile(dir, "ratings.dat", text));
    QCOMPARE(result.report.rowsRead, std::uint64_t(9003));
    QCOMPARE(result.report.rowsKept, std::uint64_t(9000));
    const ProblemTally& duplicates = result.report.problems[static_cast<std::size_t>(Problem::Duplicate)];
    QCOMPARE(duplicates.count, std::uint64_t(3));
    QCOMPARE(std::vector<std::uint64_t>(duplicates.firstLines.begin(), duplicates.firstLines.end()), expected);
    for (const Interaction& x : result.dataset.interactions)
        if (x.timestamp == 2000)
            QCOMPARE(x.rating, 5.0f);
}

void TestLoaderStreaming::lineReaderHandsOutEveryLine()
{
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    const qsizetype longLength = (qsizetype{9} << 20) + 7; // longer than two chunks
    const QByteArray text = "\xEF\xBB\xBF"
                            "first\r\n\r\n  \nsecond\n" +
                            repeated('z', longLength) + "\r\nlast";
    const std::string file = writeFile(dir, "lines.txt", text);
    LoadOptions options;
    LineReader reader(file, options);
    QCOMPARE(reader.sizeBytes(), static_cast<std::uint64_t>(text.size()));
    QList<QByteArray> lines;
    QList<std::uint64_t> numbers;
    std::string_view line;
    while (reader.next(line)) {
        lines << (line.size() > 100 ? "long:" + QByteArray::number(static_cast<qsizetype>(line.size()))
                                    : QByteArray(line.data(), static_cast<qsizetype>(line.size())));
        numbers << reader.lineNumber();
        if (line.size() > 100)
            QVERIFY(line.find_first_not_of('z') == std::string_view::npos);
    }
    QCOMPARE(lines, (QList<QByteArray>{"first", "", "  ", "second", "long:" + QByteArray::number(longLength), "last"}));
    QCOMPARE(numbers, (QList<std::uint64_t>{1, 2, 3, 4, 5, 6}));
    QVERIFY(!reader.next(line)); // stays at the end

    QCOMPARE(QByteArray::fromStdString(readFirstLine(file)), QByteArray("first"));
    QCOMPARE(QByteArray::fromStdString(readFirstLine(writeFile(dir, "blank.txt", "\r\n \n\t\r\nx\ty\r\n"))),
             QByteArray("x\ty"));
    QCOMPARE(QByteArray::fromStdString(readFirstLine(writeFile(dir, "none.txt", "\n\n"))), QByteArray());

    // Refusals.
    QVERIFY(dataErrorFrom([&] { LineReader r(pathIn(dir, "."), options); }).has_value());
    QVERIFY(dataErrorFrom([&] { LineReader r(pathIn(dir, "missing.txt"), options); }).has_value());
    QVERIFY(
        dataErrorFrom([&] { LineReader r(writeFile(dir, "u16.txt", utf16("a,b\n", false)), options); }).has_value());
    QVERIFY(
        dataErrorFrom([&] { LineReader r(writeFile(dir, "bin.txt", QByteArray("a\0b\n", 4)), options); }).has_value());
}

// ---------------------------------------------------------------------------------------------
// Ids

void TestLoaderStreaming::largeNumericIdsStayInProportion()
{
    // One id of 11,111,193 made a direct table of 11 million entries (44 MB, zeroed), which took
    // 13 s under the fuzzer's sanitizers (fuzz target mldat, corpus finding-large-numeric-id).
    // Such an id is hashed until the table has grown to it in proportion; then both paths must
    // still give the id its first dense number.
    IdMap ids;
    QCOMPARE(ids.intern("11111193"), 0u);
    QCOMPARE(ids.intern("5"), 1u);
    QCOMPARE(ids.intern("11111193"), 0u);
    for (std::uint32_t n = 1; n <= 200000; ++n)
        if (n != 5)
            ids.intern(std::to_string(n));
    QCOMPARE(ids.size(), std::size_t{200001});
    // 11,111,193 / 64 <= 200,001 ids: the table may grow to it now, and must find the hashed id.
    QCOMPARE(ids.intern("11111193"), 0u);
    QCOMPARE(ids.find("11111193"), std::optional<std::uint32_t>(0));
    QCOMPARE(ids.intern("11111194"), 200001u);
    QCOMPARE(ids.find("11111194"), std::optional<std::uint32_t>(200001));
    QCOMPARE(ids.find("11111195"), std::optional<std::uint32_t>());
    QCOMPARE(ids.intern("7"), 7u);
    QCOMPARE(ids.ids().size(), std::size_t{200002});
    QCOMPARE(ids.ids()[0], std::string("11111193"));
    QCOMPARE(ids.ids()[200001], std::string("11111194"));
}

QTEST_APPLESS_MAIN(TestLoaderStreaming)
#include "tst_loader_streaming.moc"
