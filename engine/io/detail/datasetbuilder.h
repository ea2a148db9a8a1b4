#pragma once

#include "data/dataset.h"
#include "io/detail/idmap.h"
#include "io/loadoptions.h"

#include <optional>
#include <string>
#include <string_view>

namespace rnr {

/// Collects rows from a loader: interns ids, checks ratings against the declared scale,
/// applies the per-problem policy (skip and count, or throw DataError), and on finish()
/// drops duplicate (user, item) pairs keeping the latest (larger timestamp, then later row).
class DatasetBuilder
{
public:
    DatasetBuilder(std::string file, const LoadOptions& options, LoadReport& report);

    /// The scale ratings are checked against; unset = accept any finite rating and infer
    /// the scale from the data. options.scale, when given, wins over this.
    void setDeclaredScale(std::optional<RatingScale> scale);

    /// Counts one data row as read.
    void countRow() { ++m_report.rowsRead; }
    /// Records a bad row; throws DataError when the policy for this problem is Stop.
    void reject(Problem problem, std::uint64_t line, const std::string& cause);
    /// Adds a row that parsed; checks the rating. The row must already be counted.
    void add(std::string_view user, std::string_view item, double rating, std::int64_t timestamp, std::uint64_t line);

    /// Makes room for about this many rows at once (the file's estimated lines): one allocation
    /// instead of a vector doubling, and copying, its way to 20 million rows.
    void reserve(std::uint64_t rows);
    /// Lines after which a loader asks for the estimate.
    static constexpr std::uint64_t kEstimateAfter = 4096;

    const IdMap& items() const { return m_items; }
    std::size_t size() const { return m_rows.size(); }

    /// Builds the data set (ids, interactions, scale); item metadata is the caller's to add.
    /// Throws DataError when no row survived.
    Dataset finish();

private:
    void dropDuplicates();

    std::string m_file;
    const LoadOptions& m_options;
    LoadReport& m_report;
    std::optional<RatingScale> m_scale;
    IdMap m_users;
    IdMap m_items;
    std::vector<Interaction> m_rows;
};

} // namespace rnr
