#include "io/detail/textfields.h"

#include <charconv>
#include <cstring>

namespace rnr {

std::string_view trimmed(std::string_view text)
{
    while (!text.empty() && (text.front() == ' ' || text.front() == '\t'))
        text.remove_prefix(1);
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t'))
        text.remove_suffix(1);
    return text;
}

void splitFields(std::string_view line, std::string_view separator, std::vector<std::string_view>& fields)
{
    fields.clear();
    if (separator.size() == 1) {
        const char sep = separator.front();
        for (;;) {
            // memchr must not see the null pointer of a default string_view (a JSON null, say).
            const auto* hit =
                line.empty() ? nullptr : static_cast<const char*>(std::memchr(line.data(), sep, line.size()));
            if (!hit) {
                fields.push_back(line);
                return;
            }
            const auto length = static_cast<std::size_t>(hit - line.data());
            fields.push_back(line.substr(0, length));
            line.remove_prefix(length + 1);
        }
    }
    for (;;) {
        const auto at = line.find(separator);
        fields.push_back(line.substr(0, at));
        if (at == std::string_view::npos)
            return;
        line.remove_prefix(at + separator.size());
    }
}

bool CsvSplitter::split(std::string_view line, char delimiter)
{
    m_fields.clear();
    m_owned.clear();
    if (line.find('"') == std::string_view::npos) {
        splitFields(line, std::string_view(&delimiter, 1), m_fields);
        return true;
    }
    std::size_t i = 0;
    for (;;) {
        // Leading blanks before an opening quote are tolerated.
        std::size_t start = i;
        while (start < line.size() && line[start] == ' ')
            ++start;
        if (start < line.size() && line[start] == '"') {
            std::string value;
            bool escaped = false;
            std::size_t j = start + 1;
            for (;; ++j) {
                if (j >= line.size())
                    return false; // unterminated quote
                if (line[j] == '"') {
                    if (j + 1 < line.size() && line[j + 1] == '"') {
                        value += '"';
                        escaped = true;
                        ++j;
                        continue;
                    }
                    break;
                }
                value += line[j];
            }
            if (escaped)
                m_fields.push_back(m_owned.emplace_back(std::move(value)));
            else
                m_fields.push_back(line.substr(start + 1, j - start - 1));
            ++j;
            while (j < line.size() && line[j] == ' ')
                ++j;
            if (j == line.size())
                return true;
            if (line[j] != delimiter)
                return false; // text after the closing quote
            i = j + 1;
        } else {
            const auto at = line.find(delimiter, i);
            const std::string_view field = line.substr(i, at == std::string_view::npos ? line.npos : at - i);
            if (field.find('"') != std::string_view::npos)
                return false; // a quote inside an unquoted field
            m_fields.push_back(field);
            if (at == std::string_view::npos)
                return true;
            i = at + 1;
        }
    }
}

namespace {
/// std::from_chars over the whole field: blanks around and one leading '+' allowed ("+-5" is not).
template <typename T> bool parseWholeNumber(std::string_view text, T& value)
{
    text = trimmed(text);
    if (!text.empty() && text.front() == '+') {
        text.remove_prefix(1);
        if (!text.empty() && text.front() == '-')
            return false; // from_chars would take the '-'
    }
    if (text.empty())
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    return ec == std::errc() && end == text.data() + text.size();
}
} // namespace

bool parseInteger(std::string_view text, std::int64_t& value)
{
    return parseWholeNumber(text, value);
}

bool parseReal(std::string_view text, double& value)
{
    return parseWholeNumber(text, value);
}

std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day)
{
    // Howard Hinnant's days_from_civil.
    year -= month <= 2;
    const std::int64_t era = (year >= 0 ? year : year - 399) / 400;
    const auto yoe = static_cast<unsigned>(year - era * 400);
    const unsigned doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
    const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + static_cast<std::int64_t>(doe) - 719468;
}

namespace {
bool digits(std::string_view text, std::size_t at, std::size_t count, int& value)
{
    if (at + count > text.size())
        return false;
    value = 0;
    for (std::size_t k = at; k < at + count; ++k) {
        if (text[k] < '0' || text[k] > '9')
            return false;
        value = value * 10 + (text[k] - '0');
    }
    return true;
}
} // namespace

bool parseDateTime(std::string_view text, std::int64_t& seconds)
{
    text = trimmed(text);
    int year = 0, month = 0, day = 0, hour = 0, minute = 0, second = 0;
    if (!digits(text, 0, 4, year) || text.size() < 10 || text[4] != '-' || !digits(text, 5, 2, month) ||
        text[7] != '-' || !digits(text, 8, 2, day))
        return false;
    if (month < 1 || month > 12 || day < 1 || day > 31)
        return false;
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    static constexpr int kMonthDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    if (day > kMonthDays[month - 1] + (month == 2 && leap ? 1 : 0))
        return false; // February 30, April 31...: not a date (would silently become March 2, May 1)
    std::string_view rest = text.substr(10);
    if (!rest.empty()) {
        if (rest.front() != ' ' && rest.front() != 'T')
            return false;
        if (!digits(rest, 1, 2, hour) || rest.size() < 6 || rest[3] != ':' || !digits(rest, 4, 2, minute))
            return false;
        rest.remove_prefix(6);
        if (!rest.empty() && rest.front() == ':') {
            if (!digits(rest, 1, 2, second))
                return false;
            rest.remove_prefix(3);
        }
        if (rest == "Z")
            rest = {};
        if (!rest.empty() || hour > 23 || minute > 59 || second > 60)
            return false;
    }
    seconds = daysFromCivil(year, static_cast<unsigned>(month), static_cast<unsigned>(day)) * 86400 + hour * 3600 +
              minute * 60 + second;
    return true;
}

bool parseTimestamp(std::string_view text, std::int64_t& seconds)
{
    if (parseInteger(text, seconds))
        return true;
    double real = 0;
    if (parseReal(text, real) && real >= -9.2e18 && real <= 9.2e18) {
        seconds = static_cast<std::int64_t>(real);
        return true;
    }
    return parseDateTime(text, seconds);
}

std::string lowercase(std::string_view text)
{
    std::string out(text);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z')
            c = static_cast<char>(c - 'A' + 'a');
    return out;
}

} // namespace rnr
