#include "io/detail/idmap.h"

#include <algorithm>

namespace rnr {

namespace {
constexpr std::uint32_t kDirectLimit = 1u << 24;
constexpr std::uint32_t kProportionalFloor = 1u << 16;
constexpr std::uint32_t kEntriesPerId = 64;
} // namespace

bool IdMap::smallNumber(std::string_view id, std::uint32_t& value)
{
    if (id.empty() || id.size() > 8 || (id.size() > 1 && id.front() == '0'))
        return false;
    value = 0;
    for (char c : id) {
        if (c < '0' || c > '9')
            return false;
        value = value * 10 + static_cast<std::uint32_t>(c - '0');
    }
    return value < kDirectLimit;
}

std::uint32_t IdMap::intern(std::string_view id)
{
    std::uint32_t number = 0;
    if (smallNumber(id, number) &&
        (number < m_direct.size() || number < kProportionalFloor || number / kEntriesPerId <= m_ids.size())) {
        if (number >= m_direct.size())
            m_direct.resize(std::min<std::size_t>(std::max<std::size_t>(number + 1, m_direct.size() * 2), kDirectLimit),
                            0);
        std::uint32_t& slot = m_direct[number];
        if (slot == 0) {
            if (auto it = m_hashed.find(id); it != m_hashed.end()) {
                slot = it->second + 1; // hashed before the table reached it
                return it->second;
            }
            m_ids.emplace_back(id);
            slot = static_cast<std::uint32_t>(m_ids.size());
        }
        return slot - 1;
    }
    if (auto it = m_hashed.find(id); it != m_hashed.end())
        return it->second;
    const auto dense = static_cast<std::uint32_t>(m_ids.size());
    m_ids.emplace_back(id);
    m_hashed.emplace(std::string(id), dense);
    return dense;
}

std::optional<std::uint32_t> IdMap::find(std::string_view id) const
{
    std::uint32_t number = 0;
    if (smallNumber(id, number) && number < m_direct.size() && m_direct[number] != 0)
        return m_direct[number] - 1;
    if (auto it = m_hashed.find(id); it != m_hashed.end())
        return it->second;
    return std::nullopt;
}

} // namespace rnr
