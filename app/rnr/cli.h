#pragma once

#include <QStringList>
#include <QTextStream>

namespace rnr::cli {

/// Exit codes of every sub-command (product.md).
enum ExitCode
{
    Ok = 0,
    Failure = 1,
    Usage = 2
};

/// Runs `rnr` with the given arguments (the first is the program name). Output goes to out,
/// errors to err; returns the exit code. Engine exceptions are caught here, at the edge.
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
