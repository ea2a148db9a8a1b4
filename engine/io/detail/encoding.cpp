#include "io/detail/encoding.h"

#include <iconv.h>
#include <stdexcept>

namespace rnr {

bool isValidUtf8(std::string_view text)
{
    const auto* s = reinterpret_cast<const unsigned char*>(text.data());
    const std::size_t n = text.size();
    std::size_t i = 0;
    while (i < n) {
        const unsigned char c = s[i];
        if (c < 0x80) {
            ++i;
            continue;
        }
        std::size_t length = 0;
        unsigned lowest = 0;
        if (c >= 0xC2 && c <= 0xDF) {
            length = 2;
            lowest = 0x80;
        } else if (c >= 0xE0 && c <= 0xEF) {
            length = 3;
            lowest = 0x800;
        } else if (c >= 0xF0 && c <= 0xF4) {
            length = 4;
            lowest = 0x10000;
        } else {
            return false;
        }
        if (i + length > n)
            return false;
        unsigned code = c & (0xFF >> (length + 1));
        for (std::size_t k = 1; k < length; ++k) {
            if ((s[i + k] & 0xC0) != 0x80)
                return false;
            code = (code << 6) | (s[i + k] & 0x3F);
        }
        if (code < lowest || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF))
            return false;
        i += length;
    }
    return true;
}

Latin1Decoder::Latin1Decoder() : m_handle(iconv_open("UTF-8", "ISO-8859-1"))
{
    if (m_handle == reinterpret_cast<void*>(-1))
        throw std::runtime_error("iconv cannot convert ISO-8859-1 to UTF-8 on this system");
}

Latin1Decoder::~Latin1Decoder()
{
    iconv_close(static_cast<iconv_t>(m_handle));
}

std::string Latin1Decoder::decode(std::string_view latin1)
{
    std::string out(latin1.size() * 2, '\0');    // every Latin-1 byte is at most two UTF-8 bytes
    char* in = const_cast<char*>(latin1.data()); // iconv's signature; the input is not written
    std::size_t inLeft = latin1.size();
    char* dst = out.data();
    std::size_t outLeft = out.size();
    iconv(static_cast<iconv_t>(m_handle), nullptr, nullptr, nullptr, nullptr);
    if (iconv(static_cast<iconv_t>(m_handle), &in, &inLeft, &dst, &outLeft) == static_cast<std::size_t>(-1))
        throw std::runtime_error("Latin-1 conversion failed");
    out.resize(out.size() - outLeft);
    return out;
}

std::string Latin1Decoder::toUtf8(std::string_view text)
{
    return isValidUtf8(text) ? std::string(text) : decode(text);
}

} // namespace rnr
