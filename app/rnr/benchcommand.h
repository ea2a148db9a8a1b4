#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr bench`: parse, epoch and evaluation throughput on a generated MovieLens-1M-sized data set.
int runBench(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
