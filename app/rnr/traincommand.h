#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr train`: one model, one configuration; per-epoch progress; JSON result.
int runTrain(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
