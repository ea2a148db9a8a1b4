#pragma once

// Runs the `rnr` command line in-process, as the tests of its commands do.

#include "cli.h"

#include <QString>
#include <QStringList>
#include <QTextStream>

struct CliOutcome
{
    int code;
    QString out, err;
};

/// `program` is what the command sees as its own name (the first argument).
inline CliOutcome runCli(QStringList arguments, const QString& program = QStringLiteral("rnr"))
{
    arguments.prepend(program);
    QString out, err;
    QTextStream outStream(&out), errStream(&err);
    const int code = rnr::cli::run(arguments, outStream, errStream);
    outStream.flush();
    errStream.flush();
    return {code, out, err};
}
