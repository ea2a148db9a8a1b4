#pragma once

#include <string>
#include <string_view>

namespace rnr {

/// True when text is well-formed UTF-8 (no overlongs, no surrogates, nothing past U+10FFFF).
bool isValidUtf8(std::string_view text);

/// Converts Latin-1 (ISO-8859-1) text to UTF-8 through iconv. One converter per file.
class Latin1Decoder
{
public:
    Latin1Decoder();
    ~Latin1Decoder();
    Latin1Decoder(const Latin1Decoder&) = delete;
    Latin1Decoder& operator=(const Latin1Decoder&) = delete;

    std::string decode(std::string_view latin1);
    /// Text as UTF-8: valid UTF-8 passes through, anything else is read as Latin-1. The
    /// MovieLens files are Latin-1 but some redistributions were re-encoded as UTF-8.
    std::string toUtf8(std::string_view text);

private:
    void* m_handle;
};

} // namespace rnr
