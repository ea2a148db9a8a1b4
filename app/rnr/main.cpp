#include "cli.h"

#include "core/log.h"

#include <QCoreApplication>

#include <cstdio>
#include <cstdlib>
#include <cstring>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rnr"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RNR_VERSION));
    // The engine's messages go to stderr: warnings always, everything with RNR_LOG=info.
    const char* level = std::getenv("RNR_LOG");
    const bool all = level && std::strcmp(level, "info") == 0;
    rnr::setLogSink([all](const rnr::LogMessage& m) {
        if (all || m.level == rnr::LogLevel::Warning)
            std::fprintf(stderr, "rnr: %s: %s: %s\n", std::string(rnr::logLevelName(m.level)).c_str(), m.source.c_str(),
                         m.text.c_str());
    });
    QTextStream out(stdout);
    QTextStream err(stderr);
    const int code = rnr::cli::run(QCoreApplication::arguments(), out, err);
    rnr::clearLogSink();
    return code;
}
