// Tests of the text helpers every loader stands on: trimming, splitting, CSV quoting, whole-field
// number parsing, dates, and the encoding checks (UTF-8 validation, Latin-1 decoding).
#include "io/detail/encoding.h"
#include "io/detail/textfields.h"

#include <QByteArray>
#include <QString>
#include <QStringDecoder>
#include <QStringList>
#include <QTest>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

using namespace rnr;

namespace {

std::string_view view(const QByteArray& bytes)
{
    return {bytes.constData(), static_cast<std::size_t>(bytes.size())};
}

QByteArray bytesOf(std::string_view text)
{
    return {text.data(), static_cast<qsizetype>(text.size())};
}

QStringList toList(const std::vector<std::string_view>& fields)
{
    QStringList list;
    for (auto field : fields)
        list << QString::fromUtf8(field.data(), static_cast<qsizetype>(field.size()));
    return list;
}

bool isLeap(std::int64_t year)
{
    return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
}

unsigned monthLength(std::int64_t year, unsigned month)
{
    static constexpr unsigned kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return kDays[month - 1] + (month == 2 && isLeap(year) ? 1 : 0);
}

} // namespace

class TestTextFields : public QObject
{
    Q_OBJECT

private slots:
    void trimmedText_data();
    void trimmedText();
    void splitFieldsOnSeparator_data();
    void splitFieldsOnSeparator();
    void splitFieldsReusesTheVector();
    void splitFieldsOfADefaultView();
    void csvSplitter_data();
    void csvSplitter();
    void csvSplitterKeepsEscapedFieldsUntilNextCall();
    void parseIntegerWholeField_data();
    void parseIntegerWholeField();
    void parseRealWholeField_data();
    void parseRealWholeField();
    void parseDateTimeFormats_data();
    void parseDateTimeFormats();
    void parseTimestampNumberOrDate_data();
    void parseTimestampNumberOrDate();
    void daysFromCivilKnownDates_data();
    void daysFromCivilKnownDates();
    void daysFromCivilCountsEveryDay();
    void lowercaseAsciiOnly();

    void isValidUtf8Input_data();
    void isValidUtf8Input();
    void latin1DecodeToUtf8_data();
    void latin1DecodeToUtf8();
    void latin1DecodeEveryByte();
    void toUtf8PassesValidUtf8Through_data();
    void toUtf8PassesValidUtf8Through();
};

// ---------------------------------------------------------------------------------------------
// trimmed, splitFields, CsvSplitter

void TestTextFields::trimmedText_data()
{
    QTest::addColumn<QByteArray>("input");
    QTest::addColumn<QByteArray>("expected");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("blanks only") << QByteArray(" \t \t") << QByteArray("");
    QTest::newRow("nothing to trim") << QByteArray("abc") << QByteArray("abc");
    QTest::newRow("spaces both ends") << QByteArray("  a b  ") << QByteArray("a b");
    QTest::newRow("tabs both ends") << QByteArray("\t5\t") << QByteArray("5");
    QTest::newRow("inner blanks kept") << QByteArray(" a \t b ") << QByteArray("a \t b");
    QTest::newRow("CR and LF are not blanks") << QByteArray("\r5\n") << QByteArray("\r5\n");
}

void TestTextFields::trimmedText()
{
    QFETCH(QByteArray, input);
    QFETCH(QByteArray, expected);
    const std::string_view result = trimmed(view(input));
    QCOMPARE(bytesOf(result), expected);
    // The result is a view into the input, not a copy.
    if (!result.empty())
        QVERIFY(result.data() >= input.constData() &&
                result.data() + result.size() <= input.constData() + input.size());
}

void TestTextFields::splitFieldsOnSeparator_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<QByteArray>("separator");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("u.data row") << QByteArray("196\t242\t3\t881250949") << QByteArray("\t")
                                << QStringList{"196", "242", "3", "881250949"};
    QTest::newRow("tab, empty middle field")
        << QByteArray("196\t\t3\t1") << QByteArray("\t") << QStringList{"196", "", "3", "1"};
    QTest::newRow("tab, trailing separator") << QByteArray("a\tb\t") << QByteArray("\t") << QStringList{"a", "b", ""};
    QTest::newRow("tab, leading separator") << QByteArray("\ta") << QByteArray("\t") << QStringList{"", "a"};
    QTest::newRow("tab, empty line") << QByteArray("") << QByteArray("\t") << QStringList{""};
    QTest::newRow("tab, no separator") << QByteArray("abc") << QByteArray("\t") << QStringList{"abc"};
    QTest::newRow("tab, spaces are data") << QByteArray(" a \t b ") << QByteArray("\t") << QStringList{" a ", " b "};
    QTest::newRow("ratings.dat row") << QByteArray("1::1193::5::978300760") << QByteArray("::")
                                     << QStringList{"1", "1193", "5", "978300760"};
    QTest::newRow("movies.dat row") << QByteArray("1::Toy Story (1995)::Animation|Children's|Comedy")
                                    << QByteArray("::")
                                    << QStringList{"1", "Toy Story (1995)", "Animation|Children's|Comedy"};
    QTest::newRow("::, empty field") << QByteArray("1::::5") << QByteArray("::") << QStringList{"1", "", "5"};
    QTest::newRow("::, trailing") << QByteArray("1::2::") << QByteArray("::") << QStringList{"1", "2", ""};
    QTest::newRow("::, three colons") << QByteArray("a:::b") << QByteArray("::") << QStringList{"a", ":b"};
    QTest::newRow("::, single colon is data")
        << QByteArray("10:30::x") << QByteArray("::") << QStringList{"10:30", "x"};
    QTest::newRow("::, empty line") << QByteArray("") << QByteArray("::") << QStringList{""};
    QTest::newRow("pipe, genres") << QByteArray("Animation|Children's|Comedy") << QByteArray("|")
                                  << QStringList{"Animation", "Children's", "Comedy"};
}

void TestTextFields::splitFieldsOnSeparator()
{
    QFETCH(QByteArray, line);
    QFETCH(QByteArray, separator);
    QFETCH(QStringList, expected);
    std::vector<std::string_view> fields;
    splitFields(view(line), view(separator), fields);
    QCOMPARE(toList(fields), expected);
    for (auto field : fields)
        QVERIFY(field.data() >= line.constData() && field.data() + field.size() <= line.constData() + line.size());
}

void TestTextFields::splitFieldsReusesTheVector()
{
    std::vector<std::string_view> fields;
    splitFields("a\tb\tc\td\te", "\t", fields);
    QCOMPARE(fields.size(), std::size_t{5});
    splitFields("x\ty", "\t", fields); // cleared, not appended to
    QCOMPARE(toList(fields), (QStringList{"x", "y"}));
}

void TestTextFields::splitFieldsOfADefaultView()
{
    // A default string_view has a null data pointer (the Yelp loader passes one for
    // "categories": null); splitting it gives one empty field, without touching memory.
    std::vector<std::string_view> fields;
    splitFields(std::string_view(), ",", fields);
    QCOMPARE(fields.size(), std::size_t{1});
    QVERIFY(fields[0].empty());
    splitFields(std::string_view(), "::", fields);
    QCOMPARE(fields.size(), std::size_t{1});
    QVERIFY(fields[0].empty());
    CsvSplitter splitter;
    QVERIFY(splitter.split(std::string_view(), ','));
    QCOMPARE(splitter.fields().size(), std::size_t{1});
}

void TestTextFields::csvSplitter_data()
{
    QTest::addColumn<QByteArray>("line");
    QTest::addColumn<char>("delimiter");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<QStringList>("expected");

    QTest::newRow("plain") << QByteArray("1,1,4.0,964982703") << ',' << true
                           << QStringList{"1", "1", "4.0", "964982703"};
    QTest::newRow("empty fields") << QByteArray("a,,c,") << ',' << true << QStringList{"a", "", "c", ""};
    QTest::newRow("empty line") << QByteArray("") << ',' << true << QStringList{""};
    QTest::newRow("semicolon") << QByteArray("u1;i1;4") << ';' << true << QStringList{"u1", "i1", "4"};
    QTest::newRow("semicolon, comma is data") << QByteArray("u,1;i1") << ';' << true << QStringList{"u,1", "i1"};
    QTest::newRow("quoted comma") << QByteArray("11,\"American President, The (1995)\",Comedy|Drama|Romance") << ','
                                  << true
                                  << QStringList{"11", "American President, The (1995)", "Comedy|Drama|Romance"};
    QTest::newRow("doubled quotes") << QByteArray("2,\"\"\"Great Performances\"\" Cats (1998)\",Musical") << ',' << true
                                    << QStringList{"2", "\"Great Performances\" Cats (1998)", "Musical"};
    QTest::newRow("doubled quotes and comma")
        << QByteArray("\"a \"\"b\"\", c\",d") << ',' << true << QStringList{"a \"b\", c", "d"};
    QTest::newRow("empty quoted field") << QByteArray("\"\",x") << ',' << true << QStringList{"", "x"};
    QTest::newRow("only a quote, escaped") << QByteArray("\"\"\"\"") << ',' << true << QStringList{"\""};
    QTest::newRow("quoted last field") << QByteArray("a,\"b,c\"") << ',' << true << QStringList{"a", "b,c"};
    QTest::newRow("quoted then trailing delimiter") << QByteArray("\"a\",") << ',' << true << QStringList{"a", ""};
    QTest::newRow("blanks around quotes") << QByteArray(" \"a,b\" ,c") << ',' << true << QStringList{"a,b", "c"};
    QTest::newRow("quoted tab-separated") << QByteArray("\"x\ty\"\t3") << '\t' << true << QStringList{"x\ty", "3"};
    QTest::newRow("unterminated quote") << QByteArray("1,\"Toy Story, 1995") << ',' << false << QStringList{};
    QTest::newRow("lone opening quote") << QByteArray("\"") << ',' << false << QStringList{};
    QTest::newRow("text after closing quote") << QByteArray("\"abc\"x,1") << ',' << false << QStringList{};
    QTest::newRow("quote inside unquoted field") << QByteArray("ab\"c,1") << ',' << false << QStringList{};
    QTest::newRow("quote at end of unquoted field") << QByteArray("1,abc\"") << ',' << false << QStringList{};
}

void TestTextFields::csvSplitter()
{
    QFETCH(QByteArray, line);
    QFETCH(char, delimiter);
    QFETCH(bool, ok);
    QFETCH(QStringList, expected);
    CsvSplitter splitter;
    QCOMPARE(splitter.split(view(line), delimiter), ok);
    if (ok)
        QCOMPARE(toList(splitter.fields()), expected);
}

void TestTextFields::csvSplitterKeepsEscapedFieldsUntilNextCall()
{
    CsvSplitter splitter;
    {
        std::string line = "\"a\"\"1\",\"b\"\"2\",\"c\"\"3\",plain";
        QVERIFY(splitter.split(line, ','));
        line.assign(line.size(), '#'); // escaped fields must not point into the line
        const auto& fields = splitter.fields();
        QCOMPARE(fields.size(), std::size_t{4});
        QCOMPARE(bytesOf(fields[0]), QByteArray("a\"1"));
        QCOMPARE(bytesOf(fields[1]), QByteArray("b\"2"));
        QCOMPARE(bytesOf(fields[2]), QByteArray("c\"3"));
        QCOMPARE(bytesOf(fields[3]), QByteArray("#####")); // unquoted fields are views into the line
    }
    // A failed split leaves no stale fields behind that look like a valid row.
    QVERIFY(!splitter.split("\"x\"\"y", ','));
    QVERIFY(splitter.split("p,\"q\"\"r\"", ','));
    QCOMPARE(toList(splitter.fields()), (QStringList{"p", "q\"r"}));
}

// ---------------------------------------------------------------------------------------------
// Numbers and dates

void TestTextFields::parseIntegerWholeField_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("value");
    QTest::newRow("plain") << QByteArray("881250949") << true << Q_INT64_C(881250949);
    QTest::newRow("zero") << QByteArray("0") << true << Q_INT64_C(0);
    QTest::newRow("negative") << QByteArray("-3") << true << Q_INT64_C(-3);
    QTest::newRow("plus sign") << QByteArray("+7") << true << Q_INT64_C(7);
    QTest::newRow("blanks around") << QByteArray(" \t42\t ") << true << Q_INT64_C(42);
    QTest::newRow("blanks and plus") << QByteArray(" +42 ") << true << Q_INT64_C(42);
    QTest::newRow("leading zeros") << QByteArray("007") << true << Q_INT64_C(7);
    QTest::newRow("int64 max") << QByteArray("9223372036854775807") << true << Q_INT64_C(9223372036854775807);
    QTest::newRow("empty") << QByteArray("") << false << Q_INT64_C(0);
    QTest::newRow("blanks only") << QByteArray("  ") << false << Q_INT64_C(0);
    QTest::newRow("sign only") << QByteArray("+") << false << Q_INT64_C(0);
    QTest::newRow("minus only") << QByteArray("-") << false << Q_INT64_C(0);
    QTest::newRow("plus then minus") << QByteArray("+-5") << false << Q_INT64_C(0);
    QTest::newRow("two plus signs") << QByteArray("++5") << false << Q_INT64_C(0);
    QTest::newRow("blank after sign") << QByteArray("+ 5") << false << Q_INT64_C(0);
    QTest::newRow("decimal") << QByteArray("4.0") << false << Q_INT64_C(0);
    QTest::newRow("trailing text") << QByteArray("12abc") << false << Q_INT64_C(0);
    QTest::newRow("leading text") << QByteArray("abc12") << false << Q_INT64_C(0);
    QTest::newRow("inner blank") << QByteArray("1 2") << false << Q_INT64_C(0);
    QTest::newRow("hex") << QByteArray("0x10") << false << Q_INT64_C(0);
    QTest::newRow("exponent") << QByteArray("1e3") << false << Q_INT64_C(0);
    QTest::newRow("overflow") << QByteArray("9223372036854775808") << false << Q_INT64_C(0);
    QTest::newRow("date") << QByteArray("2018-07-07") << false << Q_INT64_C(0);
    QTest::newRow("CR left over") << QByteArray("5\r") << false << Q_INT64_C(0);
}

void TestTextFields::parseIntegerWholeField()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, value);
    std::int64_t result = -12345;
    QCOMPARE(parseInteger(view(text), result), ok);
    if (ok)
        QCOMPARE(result, value);
}

void TestTextFields::parseRealWholeField_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<double>("value");
    QTest::newRow("whole") << QByteArray("4") << true << 4.0;
    QTest::newRow("decimal") << QByteArray("4.0") << true << 4.0;
    QTest::newRow("half") << QByteArray("3.5") << true << 3.5;
    QTest::newRow("small half") << QByteArray("0.5") << true << 0.5;
    QTest::newRow("negative") << QByteArray("-1.25") << true << -1.25;
    QTest::newRow("plus sign") << QByteArray("+2.5") << true << 2.5;
    QTest::newRow("exponent") << QByteArray("1e3") << true << 1000.0;
    QTest::newRow("blanks around") << QByteArray("\t 2.5 ") << true << 2.5;
    QTest::newRow("empty") << QByteArray("") << false << 0.0;
    QTest::newRow("blank") << QByteArray(" ") << false << 0.0;
    QTest::newRow("sign only") << QByteArray("+") << false << 0.0;
    QTest::newRow("plus then minus") << QByteArray("+-2.5") << false << 0.0;
    QTest::newRow("decimal comma") << QByteArray("3,5") << false << 0.0;
    QTest::newRow("two points") << QByteArray("3.5.1") << false << 0.0;
    QTest::newRow("word") << QByteArray("five") << false << 0.0;
    QTest::newRow("trailing text") << QByteArray("4stars") << false << 0.0;
    QTest::newRow("inner blank") << QByteArray("4 .5") << false << 0.0;
    QTest::newRow("dash") << QByteArray("-") << false << 0.0;
    QTest::newRow("date") << QByteArray("2018-07-07") << false << 0.0;
    QTest::newRow("out of range") << QByteArray("1e400") << false << 0.0;
}

void TestTextFields::parseRealWholeField()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(double, value);
    double result = -12345.0;
    QCOMPARE(parseReal(view(text), result), ok);
    if (ok)
        QCOMPARE(result, value);
}

void TestTextFields::parseDateTimeFormats_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("seconds");
    // Expected values are seconds since 1970-01-01T00:00:00Z, computed by hand (days * 86400 + time).
    QTest::newRow("epoch") << QByteArray("1970-01-01") << true << Q_INT64_C(0);
    QTest::newRow("date only") << QByteArray("2018-07-07") << true << Q_INT64_C(17719) * 86400;
    QTest::newRow("yelp date and time") << QByteArray("2018-07-07 22:09:11") << true << Q_INT64_C(1531001351);
    QTest::newRow("ISO with T and Z") << QByteArray("2018-07-07T22:09:11Z") << true << Q_INT64_C(1531001351);
    QTest::newRow("ISO with T, no Z") << QByteArray("2018-07-07T22:09:11") << true << Q_INT64_C(1531001351);
    QTest::newRow("no seconds") << QByteArray("2018-07-07 22:09") << true << Q_INT64_C(1531001340);
    QTest::newRow("one billion") << QByteArray("2001-09-09T01:46:40Z") << true << Q_INT64_C(1000000000);
    QTest::newRow("blanks around") << QByteArray("  2018-07-07 22:09:11\t") << true << Q_INT64_C(1531001351);
    QTest::newRow("before the epoch") << QByteArray("1969-12-31 23:59:59") << true << Q_INT64_C(-1);
    QTest::newRow("leap day 2000") << QByteArray("2000-02-29") << true << Q_INT64_C(11016) * 86400;
    QTest::newRow("leap second") << QByteArray("2016-12-31 23:59:60") << true << Q_INT64_C(1483228800);
    QTest::newRow("last second of a day")
        << QByteArray("2000-03-01 23:59:59") << true << Q_INT64_C(11017) * 86400 + 86399;

    QTest::newRow("empty") << QByteArray("") << false << Q_INT64_C(0);
    QTest::newRow("words") << QByteArray("July 7th") << false << Q_INT64_C(0);
    QTest::newRow("number") << QByteArray("1531001351") << false << Q_INT64_C(0);
    QTest::newRow("month 13") << QByteArray("2018-13-01") << false << Q_INT64_C(0);
    QTest::newRow("month 0") << QByteArray("2018-00-10") << false << Q_INT64_C(0);
    QTest::newRow("day 0") << QByteArray("2018-07-00") << false << Q_INT64_C(0);
    QTest::newRow("day 32") << QByteArray("2018-01-32") << false << Q_INT64_C(0);
    QTest::newRow("February 30") << QByteArray("2018-02-30") << false << Q_INT64_C(0);
    QTest::newRow("February 29, not a leap year") << QByteArray("2019-02-29") << false << Q_INT64_C(0);
    QTest::newRow("February 29, 1900") << QByteArray("1900-02-29") << false << Q_INT64_C(0);
    QTest::newRow("April 31") << QByteArray("2018-04-31 10:00:00") << false << Q_INT64_C(0);
    QTest::newRow("hour 24") << QByteArray("2018-07-07 24:00:00") << false << Q_INT64_C(0);
    QTest::newRow("minute 60") << QByteArray("2018-07-07 12:60:00") << false << Q_INT64_C(0);
    QTest::newRow("second 61") << QByteArray("2018-07-07 12:00:61") << false << Q_INT64_C(0);
    QTest::newRow("one-digit month") << QByteArray("2018-7-07") << false << Q_INT64_C(0);
    QTest::newRow("two-digit year") << QByteArray("18-07-07") << false << Q_INT64_C(0);
    QTest::newRow("slashes") << QByteArray("2018/07/07") << false << Q_INT64_C(0);
    QTest::newRow("hour only") << QByteArray("2018-07-07 22") << false << Q_INT64_C(0);
    QTest::newRow("one-digit second") << QByteArray("2018-07-07 22:09:1") << false << Q_INT64_C(0);
    QTest::newRow("trailing text") << QByteArray("2018-07-07x") << false << Q_INT64_C(0);
    QTest::newRow("time zone offset") << QByteArray("2018-07-07T22:09:11+02:00") << false << Q_INT64_C(0);
    QTest::newRow("other separator") << QByteArray("2018-07-07_22:09:11") << false << Q_INT64_C(0);
}

void TestTextFields::parseDateTimeFormats()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, seconds);
    std::int64_t result = -12345;
    QCOMPARE(parseDateTime(view(text), result), ok);
    if (ok)
        QCOMPARE(result, seconds);
}

void TestTextFields::parseTimestampNumberOrDate_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("ok");
    QTest::addColumn<qint64>("seconds");
    QTest::newRow("unix seconds") << QByteArray("978300760") << true << Q_INT64_C(978300760);
    QTest::newRow("blanks") << QByteArray(" 978300760 ") << true << Q_INT64_C(978300760);
    QTest::newRow("fractional seconds") << QByteArray("978300760.75") << true << Q_INT64_C(978300760);
    QTest::newRow("exponent") << QByteArray("1.5e9") << true << Q_INT64_C(1500000000);
    QTest::newRow("date") << QByteArray("2018-07-07") << true << Q_INT64_C(17719) * 86400;
    QTest::newRow("date and time") << QByteArray("2018-07-07 22:09:11") << true << Q_INT64_C(1531001351);
    QTest::newRow("empty") << QByteArray("") << false << Q_INT64_C(0);
    QTest::newRow("word") << QByteArray("yesterday") << false << Q_INT64_C(0);
    QTest::newRow("nan") << QByteArray("nan") << false << Q_INT64_C(0);
    QTest::newRow("inf") << QByteArray("inf") << false << Q_INT64_C(0);
    QTest::newRow("too large") << QByteArray("1e30") << false << Q_INT64_C(0);
    QTest::newRow("invalid date") << QByteArray("2018-02-30") << false << Q_INT64_C(0);
}

void TestTextFields::parseTimestampNumberOrDate()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, ok);
    QFETCH(qint64, seconds);
    std::int64_t result = -12345;
    QCOMPARE(parseTimestamp(view(text), result), ok);
    if (ok)
        QCOMPARE(result, seconds);
}

void TestTextFields::daysFromCivilKnownDates_data()
{
    QTest::addColumn<qint64>("year");
    QTest::addColumn<uint>("month");
    QTest::addColumn<uint>("day");
    QTest::addColumn<qint64>("days");
    // Hand-computed: 1970..1999 is 30 years with 7 leap days = 10957 days; January and February
    // 2000 add 31 + 29 = 60.
    QTest::newRow("1970-01-01") << Q_INT64_C(1970) << 1u << 1u << Q_INT64_C(0);
    QTest::newRow("1970-01-02") << Q_INT64_C(1970) << 1u << 2u << Q_INT64_C(1);
    QTest::newRow("1969-12-31") << Q_INT64_C(1969) << 12u << 31u << Q_INT64_C(-1);
    QTest::newRow("1971-01-01") << Q_INT64_C(1971) << 1u << 1u << Q_INT64_C(365);
    QTest::newRow("1973-01-01 (1972 leap)") << Q_INT64_C(1973) << 1u << 1u << Q_INT64_C(365 + 365 + 366);
    QTest::newRow("2000-01-01") << Q_INT64_C(2000) << 1u << 1u << Q_INT64_C(10957);
    QTest::newRow("2000-02-29") << Q_INT64_C(2000) << 2u << 29u << Q_INT64_C(10957 + 31 + 28);
    QTest::newRow("2000-03-01") << Q_INT64_C(2000) << 3u << 1u << Q_INT64_C(11017);
    QTest::newRow("2001-01-01") << Q_INT64_C(2001) << 1u << 1u << Q_INT64_C(10957 + 366);
    QTest::newRow("2018-07-07") << Q_INT64_C(2018) << 7u << 7u << Q_INT64_C(17719);
    QTest::newRow("2038-01-19") << Q_INT64_C(2038) << 1u << 19u << Q_INT64_C(24855);
    QTest::newRow("1900-03-01 (1900 not leap)") << Q_INT64_C(1900) << 3u << 1u << Q_INT64_C(-25508);
    QTest::newRow("1600-03-01") << Q_INT64_C(1600) << 3u << 1u << Q_INT64_C(-135080);
    QTest::newRow("0001-01-01") << Q_INT64_C(1) << 1u << 1u << Q_INT64_C(-719162);
}

void TestTextFields::daysFromCivilKnownDates()
{
    QFETCH(qint64, year);
    QFETCH(uint, month);
    QFETCH(uint, day);
    QFETCH(qint64, days);
    QCOMPARE(daysFromCivil(year, month, day), days);
}

void TestTextFields::daysFromCivilCountsEveryDay()
{
    // Walk every day from 1899-01-01 to 2101-12-31: each is exactly one more than the previous.
    std::int64_t expected = daysFromCivil(1899, 1, 1);
    for (std::int64_t year = 1899; year <= 2101; ++year) {
        for (unsigned month = 1; month <= 12; ++month) {
            for (unsigned day = 1; day <= monthLength(year, month); ++day) {
                const std::int64_t got = daysFromCivil(year, month, day);
                if (got != expected)
                    QFAIL(qPrintable(QStringLiteral("%1-%2-%3: %4, expected %5")
                                         .arg(year)
                                         .arg(month)
                                         .arg(day)
                                         .arg(got)
                                         .arg(expected)));
                ++expected;
            }
        }
    }
    QCOMPARE(expected - daysFromCivil(1899, 1, 1), Q_INT64_C(203) * 365 + 49); // 49 leap years in 1899..2101
}

void TestTextFields::lowercaseAsciiOnly()
{
    QCOMPARE(QByteArray::fromStdString(lowercase("UserId,MovieID,Rating")), QByteArray("userid,movieid,rating"));
    QCOMPARE(QByteArray::fromStdString(lowercase("")), QByteArray(""));
    // Bytes outside ASCII are left alone (no locale, no broken UTF-8).
    QCOMPARE(QByteArray::fromStdString(lowercase("CAF\xc3\x89 \xc9")), QByteArray("caf\xc3\x89 \xc9"));
}

// ---------------------------------------------------------------------------------------------
// encoding.h

void TestTextFields::isValidUtf8Input_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::addColumn<bool>("valid");
    QTest::newRow("empty") << QByteArray("") << true;
    QTest::newRow("ASCII") << QByteArray("Toy Story (1995)") << true;
    QTest::newRow("NUL is ASCII") << QByteArray("a\0b", 3) << true;
    QTest::newRow("two bytes: e acute") << QByteArray("Caf\xc3\xa9") << true;
    QTest::newRow("two bytes: lowest (U+0080)") << QByteArray("\xc2\x80") << true;
    QTest::newRow("three bytes: euro") << QByteArray("\xe2\x82\xac") << true;
    QTest::newRow("three bytes: lowest (U+0800)") << QByteArray("\xe0\xa0\x80") << true;
    QTest::newRow("three bytes: U+D7FF") << QByteArray("\xed\x9f\xbf") << true;
    QTest::newRow("three bytes: U+E000") << QByteArray("\xee\x80\x80") << true;
    QTest::newRow("three bytes: U+FFFF") << QByteArray("\xef\xbf\xbf") << true;
    QTest::newRow("four bytes: emoji") << QByteArray("\xf0\x9f\x98\x80") << true;
    QTest::newRow("four bytes: U+10FFFF") << QByteArray("\xf4\x8f\xbf\xbf") << true;
    QTest::newRow("BOM") << QByteArray("\xef\xbb\xbf"
                                       "abc")
                         << true;
    QTest::newRow("mixed") << QByteArray("Mis\xc3\xa9rables \xe2\x82\xac 5 \xf0\x9f\x98\x80!") << true;

    QTest::newRow("Latin-1 e acute") << QByteArray("Caf\xe9") << false;
    QTest::newRow("Latin-1 in the middle") << QByteArray("Mis\xe9rables") << false;
    QTest::newRow("lone continuation byte") << QByteArray("\x80") << false;
    QTest::newRow("continuation after ASCII") << QByteArray("a\xbf") << false;
    QTest::newRow("truncated two-byte") << QByteArray("Caf\xc3") << false;
    QTest::newRow("truncated three-byte") << QByteArray("\xe2\x82") << false;
    QTest::newRow("truncated four-byte") << QByteArray("\xf0\x9f\x98") << false;
    QTest::newRow("lead byte then ASCII") << QByteArray("\xc3(") << false;
    QTest::newRow("overlong slash C0 AF") << QByteArray("\xc0\xaf") << false;
    QTest::newRow("overlong C1 BF") << QByteArray("\xc1\xbf") << false;
    QTest::newRow("overlong three-byte slash") << QByteArray("\xe0\x80\xaf") << false;
    QTest::newRow("overlong three-byte U+07FF") << QByteArray("\xe0\x9f\xbf") << false;
    QTest::newRow("overlong four-byte") << QByteArray("\xf0\x80\x80\xaf") << false;
    QTest::newRow("overlong four-byte U+FFFF") << QByteArray("\xf0\x8f\xbf\xbf") << false;
    QTest::newRow("surrogate U+D800") << QByteArray("\xed\xa0\x80") << false;
    QTest::newRow("surrogate U+DFFF") << QByteArray("\xed\xbf\xbf") << false;
    QTest::newRow("surrogate pair as CESU-8") << QByteArray("\xed\xa0\xbd\xed\xb8\x80") << false;
    QTest::newRow("past U+10FFFF") << QByteArray("\xf4\x90\x80\x80") << false;
    QTest::newRow("F5 lead byte") << QByteArray("\xf5\x80\x80\x80") << false;
    QTest::newRow("FE byte") << QByteArray("\xfe") << false;
    QTest::newRow("FF byte") << QByteArray("\xff") << false;
    QTest::newRow("UTF-16 BOM") << QByteArray("\xff\xfe"
                                              "a\0",
                                              4)
                                << false;
}

void TestTextFields::isValidUtf8Input()
{
    QFETCH(QByteArray, text);
    QFETCH(bool, valid);
    QCOMPARE(isValidUtf8(view(text)), valid);
    if (valid) { // cross-check with Qt's own decoder (keeping a BOM as U+FEFF)
        QStringDecoder decoder(QStringConverter::Utf8, QStringConverter::Flag::ConvertInitialBom);
        const QString decoded = decoder(text);
        QVERIFY(!decoder.hasError());
        QCOMPARE(decoded.toUtf8(), text);
    }
}

void TestTextFields::latin1DecodeToUtf8_data()
{
    QTest::addColumn<QByteArray>("latin1");
    QTest::addColumn<QByteArray>("utf8");
    QTest::newRow("empty") << QByteArray("") << QByteArray("");
    QTest::newRow("ASCII") << QByteArray("Toy Story (1995)") << QByteArray("Toy Story (1995)");
    QTest::newRow("Caf\xc3\xa9") << QByteArray("Caf\xe9") << QByteArray("Caf\xc3\xa9");
    QTest::newRow("Mis\xc3\xa9rables") << QByteArray("Mis\xe9rables, Les (1995)")
                                       << QByteArray("Mis\xc3\xa9rables, Les (1995)");
    QTest::newRow("several accents") << QByteArray("\xc0 bout de souffle; Ni\xf1o; \xdc"
                                                   "ber")
                                     << QByteArray("\xc3\x80 bout de souffle; Ni\xc3\xb1o; \xc3\x9c"
                                                   "ber");
    QTest::newRow("y diaeresis FF") << QByteArray("\xff") << QByteArray("\xc3\xbf");
    QTest::newRow("NBSP A0") << QByteArray("a\xa0"
                                           "b")
                             << QByteArray("a\xc2\xa0"
                                           "b");
}

void TestTextFields::latin1DecodeToUtf8()
{
    QFETCH(QByteArray, latin1);
    QFETCH(QByteArray, utf8);
    Latin1Decoder decoder;
    const std::string decoded = decoder.decode(view(latin1));
    QCOMPARE(QByteArray::fromStdString(decoded), utf8);
    QVERIFY(isValidUtf8(decoded));
    // toUtf8 reads what is not UTF-8 as Latin-1: the same result.
    QCOMPARE(QByteArray::fromStdString(decoder.toUtf8(view(latin1))), utf8);
    // The decoder is reusable: a second call gives the same result (no state left over).
    QCOMPARE(QByteArray::fromStdString(decoder.decode(view(latin1))), utf8);
}

void TestTextFields::latin1DecodeEveryByte()
{
    QByteArray all;
    for (int b = 1; b < 256; ++b)
        all.append(static_cast<char>(b));
    Latin1Decoder decoder;
    const std::string decoded = decoder.decode(view(all));
    QCOMPARE(QByteArray::fromStdString(decoded), QString::fromLatin1(all).toUtf8());
}

void TestTextFields::toUtf8PassesValidUtf8Through_data()
{
    QTest::addColumn<QByteArray>("text");
    QTest::newRow("ASCII") << QByteArray("Toy Story (1995)");
    QTest::newRow("e acute") << QByteArray("Caf\xc3\xa9");
    QTest::newRow("re-encoded MovieLens title") << QByteArray("Mis\xc3\xa9rables, Les (1995)");
    QTest::newRow("euro and emoji") << QByteArray("\xe2\x82\xac \xf0\x9f\x98\x80");
    QTest::newRow("empty") << QByteArray("");
}

void TestTextFields::toUtf8PassesValidUtf8Through()
{
    QFETCH(QByteArray, text);
    Latin1Decoder decoder;
    QCOMPARE(QByteArray::fromStdString(decoder.toUtf8(view(text))), text);
}

QTEST_APPLESS_MAIN(TestTextFields)
#include "tst_textfields.moc"
