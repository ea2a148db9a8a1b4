#pragma once

#include <QCommandLineParser>
#include <QStringList>
#include <QTextStream>

#include <optional>

namespace rnr::cli {

/// Exit codes of every sub-command (docs/product-notes.md, "Exit codes").
enum ExitCode
{
    Ok = 0,
    Failure = 1,
    Usage = 2
};

/// Adds -h/--help and parses a sub-command's arguments. Returns the exit code when the command
/// must stop here: Ok after printing the help, Usage after a parse error or a stray argument.
std::optional<int> parseCommand(QCommandLineParser& parser, const QStringList& arguments, const QString& command,
                                QTextStream& out, QTextStream& err);

/// The options of `options` that were given, as the words that give them again: "--name=value"
/// per value (flags as "--name"), in the order of `options`, without those whose first name is
/// in `leaveOut`. How `rnr compare --plan` repeats a comparison's options in its jobs.
QStringList givenOptions(const QCommandLineParser& parser, const QList<QCommandLineOption>& options,
                         const QStringList& leaveOut);

/// Runs `rnr` with the given arguments (the first is the program name). Output goes to out,
/// errors to err; returns the exit code. Engine exceptions are caught here, at the edge.
int run(const QStringList& arguments, QTextStream& out, QTextStream& err);

} // namespace rnr::cli
