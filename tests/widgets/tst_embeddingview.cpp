// The embeddings view projects a trained model's item vectors, raw and post-FC, colours them,
// finds the item under the mouse and selects it in both plots.
#include "../trainedruns.h"
#include "models/runmodel.h"
#include "panels/itemsearch.h"
#include "panels/runpicker.h"
#include "views/embeddingview.h"

#include <QComboBox>
#include <QCompleter>
#include <QDir>
#include <QSignalSpy>
#include <QTest>
#include <qcustomplot.h>

using namespace rnr;

Q_DECLARE_METATYPE(rnr::RowMatrix<float>)
Q_DECLARE_METATYPE(rnr::ProjectionMethod)

class TestEmbeddingView : public QObject
{
    Q_OBJECT

    std::shared_ptr<const Dataset> m_data;
    std::shared_ptr<const Model> m_rnr, m_bpr;

private Q_SLOTS:
    void initTestCase()
    {
        m_data = fixtures::smallDemo(300, 120);
        m_rnr = fixtures::trained(*m_data, "rnr:bpr+svd", 2);
        m_bpr = fixtures::trained(*m_data, "bpr", 2);
    }

    void projectsRawAndPostFcSpaces()
    {
        EmbeddingView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        // The vectors and their PCA come from a pool thread (issue 13: no stall at a run's end);
        // an item chosen in another view meanwhile stays chosen.
        QVERIFY(view.computing());
        QCOMPARE(view.points(0).rows(), Eigen::Index(0));
        view.select(3);
        QTRY_VERIFY(!view.computing());
        QCOMPARE(view.selectedItem(), std::optional<std::uint32_t>(3));
        QCOMPARE(view.points(0).rows(), Eigen::Index(m_data->itemCount()));
        QCOMPARE(view.points(1).rows(), Eigen::Index(m_data->itemCount()));
        // The two spaces differ: RnR maps items through its FC layer.
        QVERIFY((view.points(0) - view.points(1)).cwiseAbs().maxCoeff() > 1e-3f);
        // Genre colouring: one graph per genre (the demo's genres) + "other / none".
        int points = 0;
        for (int g = 0; g < view.plot(0)->graphCount(); ++g)
            points += view.plot(0)->graph(g)->dataCount();
        QCOMPARE(points, int(m_data->itemCount()) + 1); // and the selected item's mark
        view.setColour(EmbeddingView::Colour::Popularity);
        QCOMPARE(view.plot(1)->graphCount(), 18); // 16 shades of the colour map + "no ratings" + the mark
        QTest::qWait(50);
        if (const QByteArray dir = qgetenv("RNR_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("popularity.png"))));
        view.setColour(EmbeddingView::Colour::Genre);
        QTest::qWait(50); // let the queued replots run
        if (const QByteArray dir = qgetenv("RNR_SCREENSHOT_DIR"); !dir.isEmpty())
            QVERIFY(view.grab().save(QDir(QString::fromLocal8Bit(dir)).filePath(QStringLiteral("embeddings.png"))));
    }

    void hoverFindsTheItemAndClickSelectsIt()
    {
        EmbeddingView view;
        view.resize(1000, 500);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        view.plot(0)->replot();
        const std::uint32_t item = 7;
        const QPointF pixel(view.plot(0)->xAxis->coordToPixel(view.points(0)(item, 0)),
                            view.plot(0)->yAxis->coordToPixel(view.points(0)(item, 1)));
        const auto found = view.itemAt(0, pixel, 0.5);
        QVERIFY(found.has_value());
        QCOMPARE(view.points(0).row(*found), view.points(0).row(item)); // the item there (or one on top of it)
        QSignalSpy selected(&view, &EmbeddingView::itemSelected);
        QTest::mouseClick(view.plot(0), Qt::LeftButton, Qt::NoModifier, pixel.toPoint());
        QCOMPARE(selected.count(), 1);
        QCOMPARE(view.points(0).row(selected.first().first().value<std::uint32_t>()), view.points(0).row(item));
        view.select(item); // programmatic: no signal
        QCOMPARE(selected.count(), 1);
        QCOMPARE(view.selectedItem(), std::optional<std::uint32_t>(item));
        // The selection is marked in both plots.
        for (int p = 0; p < 2; ++p)
            QCOMPARE(view.plot(p)->graph(view.plot(p)->graphCount() - 1)->name(), QStringLiteral("selected"));
        // Users: projected on the item axes, drawn on request, one can be marked.
        QCOMPARE(view.userPoints(0).rows(), Eigen::Index(m_data->userCount()));
        QCOMPARE(view.userPoints(1).rows(), Eigen::Index(m_data->userCount()));
        const int before = view.plot(0)->graphCount();
        view.setShowUsers(true);
        QCOMPARE(view.plot(0)->graphCount(), before + 1);
        QCOMPARE(view.plot(0)->graph(0)->name(), QStringLiteral("users"));
        QCOMPARE(view.plot(0)->graph(0)->dataCount(), int(m_data->userCount()));
        view.selectUser(3);
        const QCPGraph* star = view.plot(1)->graph(view.plot(1)->graphCount() - 1);
        QCOMPARE(star->name(), QStringLiteral("user %1").arg(QString::fromStdString(m_data->userIds[3])));
        QCOMPARE(star->data()->begin()->key, double(view.userPoints(1)(3, 0)));
    }

    void selectingKeepsTheZoom()
    {
        // A click on a point (or a colouring) must not throw away the zoom the user chose.
        EmbeddingView view;
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QCustomPlot* plot = view.plot(0);
        const QCPRange fitted = plot->xAxis->range();
        plot->xAxis->setRange(fitted.lower / 4, fitted.upper / 4);
        plot->yAxis->setRange(-0.1, 0.1);
        const QCPRange zoomedX = plot->xAxis->range(), zoomedY = plot->yAxis->range();
        view.select(3);
        view.setColour(EmbeddingView::Colour::Popularity);
        QCOMPARE(plot->xAxis->range().lower, zoomedX.lower);
        QCOMPARE(plot->xAxis->range().upper, zoomedX.upper);
        QCOMPARE(plot->yAxis->range().lower, zoomedY.lower);
        // New points fit again.
        view.setRun(m_data, m_bpr, QStringLiteral("BPR #2"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QVERIFY(plot->xAxis->range().upper != zoomedX.upper);
    }

    void runPickerSwitchesRuns()
    {
        // The picker lists the finished runs of the window's run model, newest chosen.
        RunModel runs;
        EmbeddingView view;
        view.setRunModel(&runs);
        auto finish = [&](quint64 id, const char* name, const char* spec, std::shared_ptr<const Model> model) {
            runs.addRun(id, QString::fromLatin1(name), m_data, parseModelSpec(spec), 2);
            QCOMPARE(view.runPicker()->count(), int(id) - 1); // a queued run is not listed yet
            RunOutcome outcome;
            outcome.model = std::move(model);
            runs.finish(id, outcome);
        };
        finish(1, "RnR #1", "rnr:bpr+svd", m_rnr);
        QTRY_VERIFY(!view.computing());
        const RowMatrix<float> rnrPoints = view.points(1);
        finish(2, "BPR #2", "bpr", m_bpr);
        QTRY_VERIFY(!view.computing());
        QCOMPARE(view.runPicker()->count(), 2);
        QCOMPARE(view.runPicker()->current(), 1); // the newest is shown
        QCOMPARE(view.points(1).rows(), Eigen::Index(0));
        view.runPicker()->box()->setCurrentIndex(0); // as the user picks it
        QTRY_VERIFY(!view.computing());
        QCOMPARE(view.points(1), rnrPoints);
        EmbeddingView late; // a view given the model later lists what already finished
        late.setRunModel(&runs);
        QCOMPARE(late.runPicker()->count(), 2);
        runs.clear();
        QCOMPARE(view.runPicker()->count(), 0);
        QCOMPARE(view.points(0).rows(), Eigen::Index(0));
    }

    void everyGenreGetsItsColour()
    {
        // Issue 10, defect 13: all 19 genres of a MovieLens-like set reach the legend, each in
        // its own colour (before: the 8 most common, the rest "other").
        auto data = std::make_shared<Dataset>(*m_data);
        data->genreNames.clear();
        for (int g = 0; g < 19; ++g)
            data->genreNames.push_back("genre " + std::to_string(g));
        data->itemGenres.assign(data->itemCount(), {});
        for (std::uint32_t i = 0; i < data->itemCount(); ++i)
            data->itemGenres[i] = {i % 19};
        EmbeddingView view;
        view.setRun(data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QCustomPlot* plot = view.plot(1);
        QStringList names;
        QSet<QRgb> colours;
        for (int i = 0; i < plot->legend->itemCount(); ++i)
            if (auto* item = qobject_cast<QCPPlottableLegendItem*>(plot->legend->item(i)))
                if (item->plottable()->name().startsWith(QStringLiteral("genre"))) {
                    names << item->plottable()->name();
                    colours << static_cast<QCPGraph*>(item->plottable())->scatterStyle().pen().color().rgb();
                }
        QCOMPARE(names.size(), 19);
        QCOMPARE(colours.size(), 19);
        QVERIFY(!view.colourScale(1));
    }

    void orderedValuesGetASequentialMapAndAScale()
    {
        // Issue 10, defect 13: popularity and mean rating are ordered: one colour map that grows
        // lighter with the value, read off a colour scale (before: five unordered series colours).
        EmbeddingView view;
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        view.setColour(EmbeddingView::Colour::Popularity);
        QCPColorScale* scale = view.colourScale(1);
        QVERIFY(scale);
        std::vector<double> count(m_data->itemCount(), 0.0);
        for (const auto& x : m_data->interactions)
            count[x.item] += 1;
        const auto [low, high] = std::minmax_element(count.begin(), count.end());
        QCOMPARE(scale->dataRange().lower, *low);
        QCOMPARE(scale->dataRange().upper, *high);
        QCOMPARE(scale->dataScaleType(), QCPAxis::stLogarithmic);
        // Points of more popular items are drawn lighter: the graphs' colours by their values.
        double lastLightness = -1;
        int shades = 0;
        for (int g = 0; g < view.plot(1)->graphCount(); ++g) {
            QCPGraph* graph = view.plot(1)->graph(g);
            if (!graph->name().isEmpty() || graph->dataCount() == 0)
                continue;
            const double lightness = graph->scatterStyle().pen().color().lightnessF();
            QVERIFY2(lightness > lastLightness - 0.02, "the map is not ordered");
            lastLightness = lightness;
            ++shades;
        }
        QVERIFY(shades >= 3);
        view.setColour(EmbeddingView::Colour::MeanRating);
        QVERIFY(view.colourScale(1));
        QCOMPARE(view.colourScale(1)->dataScaleType(), QCPAxis::stLinear);
        QVERIFY(view.colourScale(1)->dataRange().lower >= 1.0);
        QVERIFY(view.colourScale(1)->dataRange().upper <= 5.0);
        view.setColour(EmbeddingView::Colour::Genre);
        QVERIFY(!view.colourScale(1));
    }

    void findsAnItemByTitle()
    {
        EmbeddingView view;
        ItemSearch* search = view.itemSearch();
        QVERIFY(!search->isEnabled()); // nothing to search before a run
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QVERIFY(search->isEnabled());
        QCOMPARE(search->itemCount(), int(m_data->itemCount()));
        const std::uint32_t wanted = 17;
        const QString title = QString::fromStdString(m_data->itemTitles[wanted]);
        // Typed, any part of the title, in any case, finds it (the labels are built on first use).
        QTest::keyClicks(search, title.mid(4, 6).toUpper());
        search->completer()->setCompletionPrefix(title.mid(4, 6).toUpper());
        QVERIFY(search->completer()->completionCount() >= 1);
        // Return on the title (or the id) selects the item and says so.
        QSignalSpy selected(&view, &EmbeddingView::itemSelected);
        search->setText(QString::fromStdString(m_data->itemIds[wanted]));
        QVERIFY(search->find(search->text()).has_value());
        QCOMPARE(*search->find(search->text()), wanted);
        Q_EMIT search->returnPressed();
        QCOMPARE(view.selectedItem(), std::optional<std::uint32_t>(wanted));
        QCOMPARE(selected.size(), 1);
        QCOMPARE(
            *search->find(title.toLower()),
            std::uint32_t(std::find(m_data->itemTitles.begin(), m_data->itemTitles.end(), m_data->itemTitles[wanted]) -
                          m_data->itemTitles.begin()));
        QVERIFY(!search->find(QStringLiteral("no such title at all")));
    }

    void nonLinearProjectionsAreAskedForAndKept()
    {
        EmbeddingView view;
        view.setRun(m_data, m_rnr, QStringLiteral("RnR #1"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QSignalSpy requested(&view, &EmbeddingView::projectionRequested);
        QSignalSpy cancelled(&view, &EmbeddingView::projectionCancelled);
        view.setMethod(ProjectionMethod::Umap);
        QCOMPARE(requested.size(), 2); // both plots, all items
        QVERIFY(view.computing());
        QCOMPARE(requested[0][0].toInt(), 0);
        const auto rows0 = requested[0][2].value<RowMatrix<float>>();
        QCOMPARE(rows0.rows(), Eigen::Index(m_data->itemCount()));
        QVERIFY(rows0.isApprox(m_rnr->params()[Block::Items]));
        QCOMPARE(view.points(0).rows(), Eigen::Index(0)); // nothing drawn until the points come
        QVERIFY(!view.userPoints(0).rows());
        // The points arrive: drawn, users left out (they are in PCA's linear view only).
        RowMatrix<float> fake = RowMatrix<float>::Random(rows0.rows(), 2);
        view.setProjected(0, ProjectionMethod::Umap, fake);
        QVERIFY(view.computing()); // the second plot is still being computed
        view.setProjected(1, ProjectionMethod::Umap, fake * 2.0f);
        QVERIFY(!view.computing());
        QVERIFY(view.points(0).isApprox(fake));
        QCOMPARE(view.plot(0)->xAxis->label(), QStringLiteral("UMAP 1"));
        // Points of the wrong size (another run) are ignored.
        view.setProjected(0, ProjectionMethod::Umap, RowMatrix<float>::Zero(3, 2));
        QVERIFY(view.points(0).isApprox(fake));
        // PCA again at once, then UMAP from the cache: nothing asked for again.
        view.setMethod(ProjectionMethod::Pca);
        QCOMPARE(view.plot(0)->xAxis->label(), QStringLiteral("PC 1"));
        QVERIFY(view.userPoints(0).rows() == 0 || view.userPoints(0).rows() == Eigen::Index(m_data->userCount()));
        view.setMethod(ProjectionMethod::Umap);
        QCOMPARE(requested.size(), 2);
        QVERIFY(view.points(1).isApprox(fake * 2.0f));
        // A new run while t-SNE is computing cancels it.
        view.setMethod(ProjectionMethod::Tsne);
        QCOMPARE(requested.size(), 4);
        view.setRun(m_data, m_bpr, QStringLiteral("BPR #2"));
        QCOMPARE(cancelled.size(), 1);
        QTRY_COMPARE(requested.size(), 5); // BPR: the raw space only, once its vectors are read
        view.projectionStopped(0, {});
        QVERIFY(!view.computing());
    }

    void rankingOnlyModelsHaveNoPostSpace()
    {
        EmbeddingView view;
        view.setRun(m_data, m_bpr, QStringLiteral("BPR #2"));
        QTRY_VERIFY(!view.computing()); // the vectors and their PCA come from a pool thread
        QCOMPARE(view.points(0).rows(), Eigen::Index(m_data->itemCount()));
        QCOMPARE(view.points(1).rows(), Eigen::Index(0));
    }
};

QTEST_MAIN(TestEmbeddingView)
#include "tst_embeddingview.moc"
