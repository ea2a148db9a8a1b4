#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr stats`: loads a data set, prints the load report, its shape, rating and activity
/// distributions, and what the filter and the split would do with it.
int runStats(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
