#include "data/synthetic.h"
#include "dialogs/colourscheme.h"
#include "dialogs/preferencesdialog.h"
#include "scripted/closebenchmark.h"
#include "scripted/stallbenchmark.h"
#include "scripted/tour.h"
#include "window/mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QTextStream>
#include <QTranslator>

#include <algorithm>
#include <cstdlib>

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rnr-explorer"));
    QApplication::setApplicationDisplayName(QStringLiteral("RnR Explorer"));
    QApplication::setOrganizationName(QStringLiteral("rnr-explorer"));
    QApplication::setApplicationVersion(QStringLiteral(RNR_VERSION));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/rnr-explorer.svg")));
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rnr_explorer.RnRExplorer"));

    // The language: --language, else the preference, else the system's.
    QString language = rnr::Preferences::load().effectiveLanguage();
    // Read before the parser runs, so that its help text is translated too.
    for (int i = 1; i < argc; ++i) {
        const QString argument = QString::fromLocal8Bit(argv[i]);
        if (argument == QLatin1String("--language") && i + 1 < argc)
            language = QString::fromLocal8Bit(argv[i + 1]);
        else if (argument.startsWith(QLatin1String("--language=")))
            language = argument.mid(11);
    }
    // The installed translations first (a translator can drop in a newer .qm), then the built-in.
    QTranslator translator, qtTranslator;
    const QString installed =
        QCoreApplication::applicationDirPath() + QStringLiteral("/../share/rnr-explorer/translations");
    for (const QString& folder : {installed, QStringLiteral(":/i18n")})
        if (translator.load(QLocale(language), QStringLiteral("rnr-explorer"), QStringLiteral("_"), folder)) {
            QCoreApplication::installTranslator(&translator);
            break;
        }
    if (qtTranslator.load(QLocale(language), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&qtTranslator);
    QLocale::setDefault(QLocale(language));

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
    const QCommandLineOption stalls(
        QStringLiteral("measure-stalls"),
        QCoreApplication::translate("main",
                                    "Benchmark: train RnR(BPR, SVD) on the data set given (default: generated, "
                                    "MovieLens-100K-sized) and report the largest GUI-thread stall, then quit."));
    const QCommandLineOption epochs(QStringLiteral("epochs"),
                                    QCoreApplication::translate("main", "Epochs for --measure-stalls (default 5)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    const QCommandLineOption threads(
        QStringLiteral("threads"),
        QCoreApplication::translate("main", "Training threads for --measure-stalls and --measure-close (default 1)."),
        QStringLiteral("n"), QStringLiteral("1"));
    const QCommandLineOption languageOption(
        QStringLiteral("language"),
        QCoreApplication::translate("main", "Interface language, e.g. de or zh_CN (default: the preference or the "
                                            "system's)."),
        QStringLiteral("name"));
    const QCommandLineOption colours(
        QStringLiteral("colours"),
        QCoreApplication::translate("main", "Colour scheme: system, light or dark (default: the preference)."),
        QStringLiteral("scheme"));
    const QCommandLineOption measureClose(
        QStringLiteral("measure-close"),
        QCoreApplication::translate("main", "Benchmark: close the window during training on the data set given "
                                            "(default: the demo data), again and again (a child process each time), "
                                            "and report how long the process outlives it."));
    const QCommandLineOption rounds(QStringLiteral("rounds"),
                                    QCoreApplication::translate("main", "Rounds of --measure-close (default 5)."),
                                    QStringLiteral("n"), QStringLiteral("5"));
    QCommandLineOption closeChild(QStringLiteral("close-child"), QString(), QStringLiteral("fraction")); // a round
    closeChild.setFlags(QCommandLineOption::HiddenFromHelp);
    parser.addOptions({stalls, epochs, threads, languageOption, colours, measureClose, rounds, closeChild});
    parser.process(app);
    if (parser.isSet(colours)) {
        const QString scheme = parser.value(colours).toLower();
        if (scheme != QLatin1String("system") && scheme != QLatin1String("light") && scheme != QLatin1String("dark")) {
            QTextStream(stderr) << QCoreApplication::translate("main", "--colours: '%1' is not system, light or dark")
                                       .arg(parser.value(colours))
                                << '\n';
            return 2;
        }
        rnr::applyColourScheme(scheme == QLatin1String("system") ? QString() : scheme);
    } else {
        rnr::applyColourScheme(rnr::Preferences::load().scheme);
    }

    const QStringList positional = parser.positionalArguments();
    if (parser.isSet(measureClose))
        return rnr::CloseBenchmark::run(QCoreApplication::applicationFilePath(), positional.value(0),
                                        std::max(1, parser.value(rounds).toInt()),
                                        std::max(1, parser.value(threads).toInt()));
    rnr::MainWindow window;
    if (parser.isSet(closeChild)) {
        window.show();
        const int closeThreads = std::max(1, parser.value(threads).toInt());
        const double fraction = std::clamp(parser.value(closeChild).toDouble(), 0.0, 1.0);
        if (positional.isEmpty()) {
            window.loadDemo();
            rnr::CloseBenchmark::arm(window, closeThreads, fraction);
        } else {
            QObject::connect(&window, &rnr::MainWindow::loadFinished, &window, [&](bool ok) {
                if (ok)
                    rnr::CloseBenchmark::arm(window, closeThreads, fraction);
                else
                    QApplication::exit(1);
            });
            window.openDataset(positional.first());
        }
        const int result = QApplication::exec();
        rnr::CloseBenchmark::phase("loop-ended");
        // main-returned: when the window, its engine thread and the application are gone.
        std::atexit([] { rnr::CloseBenchmark::phase("main-returned"); });
        return result;
    }
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
    if (parser.isSet(stalls)) {
        window.resize(1280, 800);
        window.show();
        window.setCloseQuestion([] { return true; });
        int code = 0;
        window.setErrorReporter([&](const QString& title, const QString& message) {
            QTextStream(stderr) << title << ": " << message << '\n';
            code = 1;
            QApplication::quit();
        });
        rnr::StallBenchmark benchmark(window, std::max(1, parser.value(epochs).toInt()),
                                      std::max(1, parser.value(threads).toInt()));
        QObject::connect(&benchmark, &rnr::StallBenchmark::finished, &app, [](const QString& report) {
            QTextStream(stdout) << report << '\n';
            QApplication::quit();
        });
        if (positional.isEmpty()) {
            rnr::Dataset data = rnr::syntheticRatings(rnr::SyntheticSize{943, 1682, 100000, 1});
            data.name = "generated, MovieLens-100K-sized";
            window.showDataset(std::move(data));
            benchmark.start();
        } else {
            benchmark.startWithLoad(positional.first());
        }
        const int result = QApplication::exec();
        return code != 0 ? code : result;
    }
    if (positional.isEmpty())
        window.loadDemo();
    else
        window.openDataset(positional.first());
    window.show();
    return QApplication::exec();
}
