#include "cli.h"

#include <QCoreApplication>

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("rnr"));
    QCoreApplication::setApplicationVersion(QStringLiteral(RNR_VERSION));
    QTextStream out(stdout);
    QTextStream err(stderr);
    return rnr::cli::run(QCoreApplication::arguments(), out, err);
}
