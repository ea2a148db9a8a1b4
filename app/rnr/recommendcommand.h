#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// `rnr recommend`: a user's top-k from a saved checkpoint, with predicted ratings.
int runRecommend(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
