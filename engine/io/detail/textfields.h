#pragma once

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace rnr {

/// Removes ASCII spaces and tabs at both ends.
std::string_view trimmed(std::string_view text);

/// Splits on a one- or more-character separator ("\t", "::"). Fields are views into line.
void splitFields(std::string_view line, std::string_view separator, std::vector<std::string_view>& fields);

/// Splits one line of RFC 4180 CSV: fields may be quoted, "" inside quotes is a quote.
/// Returns false for broken quoting. Unquoted fields are views into line; quoted fields
/// with escapes live in the splitter until the next call.
class CsvSplitter
{
public:
    bool split(std::string_view line, char delimiter);
    const std::vector<std::string_view>& fields() const { return m_fields; }

private:
    std::vector<std::string_view> m_fields;
    std::deque<std::string> m_owned;
};

/// Whole-field number parsing with std::from_chars (surrounding blanks allowed). False when
/// the text is not entirely a number.
bool parseInteger(std::string_view text, std::int64_t& value);
bool parseReal(std::string_view text, double& value);

/// Parses "YYYY-MM-DD", "YYYY-MM-DD HH:MM[:SS]" or "YYYY-MM-DDTHH:MM:SS[Z]" (taken as UTC)
/// into seconds since the Unix epoch.
bool parseDateTime(std::string_view text, std::int64_t& seconds);

/// A timestamp field: integer seconds since the epoch, or a date as parseDateTime accepts.
bool parseTimestamp(std::string_view text, std::int64_t& seconds);

/// Days since 1970-01-01 of a proleptic Gregorian date.
std::int64_t daysFromCivil(std::int64_t year, unsigned month, unsigned day);

std::string lowercase(std::string_view text);

} // namespace rnr
