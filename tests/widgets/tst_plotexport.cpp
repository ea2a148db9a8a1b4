// Plots follow the palette (light and dark: issue 10, defect 11) and leave the app as PNG, PDF
// and SVG; a failed export leaves no file behind.
#include "plots/plotexport.h"
#include "plots/plotstyle.h"
#include "views/embeddingview.h"

#include <QApplication>
#include <QFile>
#include <QImage>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>
#include <qcustomplot.h>

using namespace rnr;

namespace {
QPalette darkPalette()
{
    QPalette dark;
    dark.setColor(QPalette::Window, QColor(40, 40, 40));
    dark.setColor(QPalette::WindowText, QColor(230, 230, 230));
    dark.setColor(QPalette::Base, QColor(25, 25, 25));
    dark.setColor(QPalette::Text, QColor(235, 235, 235));
    dark.setColor(QPalette::Mid, QColor(90, 90, 90));
    return dark;
}

void fill(QCustomPlot& plot)
{
    plot.resize(400, 300);
    QCPGraph* graph = plot.addGraph();
    graph->setName(QStringLiteral("curve"));
    graph->setData({0, 1, 2, 3}, {1, 3, 2, 4});
    plot.legend->setVisible(true);
    plot.plotLayout()->insertRow(0);
    plot.plotLayout()->addElement(0, 0, new QCPTextElement(&plot, QStringLiteral("Title")));
    plot.rescaleAxes();
}

/// The share of pixels of an image close to a colour.
double share(const QImage& image, const QColor& colour)
{
    qint64 near = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            near += std::abs(c.red() - colour.red()) + std::abs(c.green() - colour.green()) +
                        std::abs(c.blue() - colour.blue()) <
                    30;
        }
    return double(near) / double(image.width() * image.height());
}
} // namespace

class TestPlotExport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void followsADarkPalette()
    {
        QCustomPlot plot;
        fill(plot);
        followPalette(&plot);
        QCOMPARE(plot.xAxis->tickLabelColor(), plot.palette().color(QPalette::Text));
        // A dark palette set at run time: background, text, axes, title and legend follow.
        const QPalette dark = darkPalette();
        plot.setPalette(dark);
        QCOMPARE(plot.xAxis->tickLabelColor(), dark.color(QPalette::Text));
        QCOMPARE(plot.yAxis->labelColor(), dark.color(QPalette::Text));
        QCOMPARE(plot.xAxis->basePen().color(), dark.color(QPalette::Text));
        QCOMPARE(plot.legend->textColor(), dark.color(QPalette::Text));
        QCOMPARE(plot.legend->item(0)->textColor(), dark.color(QPalette::Text));
        auto* title = qobject_cast<QCPTextElement*>(plot.plotLayout()->element(0, 0));
        QVERIFY(title);
        QCOMPARE(title->textColor(), dark.color(QPalette::Text));
        // What is drawn is dark: most of the picture is the dark base, none of it white.
        const QImage image = plot.toPixmap(400, 300).toImage();
        QVERIFY2(share(image, dark.color(QPalette::Base)) > 0.6, "the plot is not dark");
        QVERIFY(share(image, Qt::white) < 0.01);
        // And back to light.
        plot.setPalette(QApplication::palette());
        QCOMPARE(plot.xAxis->tickLabelColor(), QApplication::palette().color(QPalette::Text));
    }

    void viewsFollowTheApplicationPalette()
    {
        const QPalette before = QApplication::palette();
        EmbeddingView view;
        QApplication::setPalette(darkPalette());
        QCoreApplication::processEvents();
        QCOMPARE(view.plot(0)->xAxis->tickLabelColor(), darkPalette().color(QPalette::Text));
        QApplication::setPalette(before);
        QCoreApplication::processEvents();
        QCOMPARE(view.plot(0)->xAxis->tickLabelColor(), before.color(QPalette::Text));
    }

    void exportsPngPdfSvg()
    {
        QTemporaryDir dir;
        QCustomPlot plot;
        fill(plot);
        QString error;
        const QString png = dir.filePath(QStringLiteral("plot.png"));
        QVERIFY2(exportPlot(&plot, png, &error), qPrintable(error));
        const QImage image(png);
        QCOMPARE(image.size(), QSize(800, 600)); // twice the plot's size
        const QString pdf = dir.filePath(QStringLiteral("plot.PDF"));
        QVERIFY2(exportPlot(&plot, pdf, &error), qPrintable(error));
        QFile pdfFile(pdf);
        QVERIFY(pdfFile.open(QIODevice::ReadOnly));
        QVERIFY(pdfFile.read(5) == "%PDF-");
        const QString svg = dir.filePath(QStringLiteral("plot.svg"));
        QVERIFY2(exportPlot(&plot, svg, &error), qPrintable(error));
        QFile svgFile(svg);
        QVERIFY(svgFile.open(QIODevice::ReadOnly));
        QXmlStreamReader xml(&svgFile);
        QString root;
        bool titleIsText = false;
        while (!xml.atEnd()) {
            if (xml.readNext() == QXmlStreamReader::StartElement && root.isEmpty())
                root = xml.name().toString();
            if (xml.isCharacters() && xml.text().contains(QStringLiteral("Title")))
                titleIsText = true; // text stays text
        }
        QVERIFY2(!xml.hasError(), qPrintable(xml.errorString()));
        QCOMPARE(root, QStringLiteral("svg"));
        QVERIFY(titleIsText);
        QCOMPARE(QDir(dir.path()).entryList(QDir::Files).size(), 3); // nothing left over
    }

    void refusesWhatItCannotWrite()
    {
        QTemporaryDir dir;
        QCustomPlot plot;
        fill(plot);
        QString error;
        QVERIFY(!exportPlot(&plot, dir.filePath(QStringLiteral("plot.bmpx")), &error));
        QVERIFY(error.contains(QStringLiteral("unknown format")));
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/plot.png"));
        QVERIFY(!exportPlot(&plot, missing, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY(QDir(dir.path()).entryList(QDir::Files | QDir::Dirs | QDir::NoDotAndDotDot).isEmpty());
    }

    void resetZoomFitsTheData()
    {
        QCustomPlot plot;
        fill(plot);
        plot.xAxis->setRange(100, 200);
        resetZoom(&plot);
        QCOMPARE(plot.xAxis->range().lower, 0.0);
        QCOMPARE(plot.xAxis->range().upper, 3.0);
    }
};

QTEST_MAIN(TestPlotExport)
#include "tst_plotexport.moc"
