#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace rnr {

/// Maps the publisher's ids (any text) to dense 0-based ids in order of first appearance.
/// Canonical decimal ids take a direct-indexed fast path while the table stays in proportion to
/// the ids seen (below 2^16, or below 64 entries per id so far, and below 2^24): a file of a few
/// large numeric ids never makes a table of millions. Everything else goes through a hash map with
/// heterogeneous (string_view) lookup; a number hashed early is found there after the table has
/// grown past it.
class IdMap
{
public:
    std::uint32_t intern(std::string_view id);
    std::optional<std::uint32_t> find(std::string_view id) const;
    std::size_t size() const { return m_ids.size(); }
    const std::vector<std::string>& ids() const { return m_ids; }
    std::vector<std::string> takeIds() { return std::move(m_ids); }

private:
    struct Hash
    {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
    };
    static bool smallNumber(std::string_view id, std::uint32_t& value);

    std::vector<std::uint32_t> m_direct; ///< number -> dense id + 1 (0: absent)
    std::unordered_map<std::string, std::uint32_t, Hash, std::equal_to<>> m_hashed;
    std::vector<std::string> m_ids;
};

} // namespace rnr
