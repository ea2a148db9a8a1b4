#include "mainwindow.h"
#include "tour.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QTextStream>

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
    const QCommandLineOption tour(QStringLiteral("tour"),
                                  QCoreApplication::translate("main",
                                                              "Run a scripted session on the demo data and write "
                                                              "a screenshot of every view to this folder, then quit."),
                                  QStringLiteral("folder"));
    parser.addOption(tour);
    parser.process(app);

    rnr::MainWindow window;
    if (parser.isSet(tour)) {
        window.resize(1280, 800);
        window.show();
        rnr::Tour script(window, parser.value(tour));
        int code = 0;
        QObject::connect(&script, &rnr::Tour::finished, &app, [&](bool ok, const QString& message) {
            QTextStream(ok ? stdout : stderr) << message << '\n';
            code = ok ? 0 : 1;
            window.setCloseQuestion([] { return true; });
            QApplication::quit();
        });
        script.start();
        const int result = QApplication::exec();
        return code != 0 ? code : result;
    }
    const QStringList positional = parser.positionalArguments();
    if (positional.isEmpty())
        window.loadDemo();
    else
        window.openDataset(positional.first());
    window.show();
    return QApplication::exec();
}
