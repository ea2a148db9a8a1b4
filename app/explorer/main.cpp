#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rnr-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("RnR Explorer"));
    QApplication::setOrganizationName(QStringLiteral("rnr-explorer"));
    QApplication::setApplicationVersion(QStringLiteral(RNR_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Explore multi-task recommender training: Rank and Rate."));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("dataset"),
                                 QCoreApplication::translate("main", "A data set file or folder to open (default: the "
                                                                     "built-in demo data)."),
                                 QStringLiteral("[dataset]"));
    parser.process(app);

    rnr::MainWindow window;
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        window.loadDemo();
    else
        window.openDataset(positional.first());
    window.show();
    return QApplication::exec();
}
