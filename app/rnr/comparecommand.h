#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr compare`: several models, the paper's alpha x lambda grid chosen on validation, several
/// seeds; a Table-1-style Markdown table with mean ± std and paired tests; JSON and CSV.
int runCompare(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
