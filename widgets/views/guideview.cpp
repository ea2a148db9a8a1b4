#include "views/guideview.h"

#include <QScrollBar>
#include <QUrl>

namespace rnr {

GuideView::GuideView(QWidget* parent) : QTextBrowser(parent)
{
    setObjectName(QStringLiteral("guide"));
    setOpenLinks(false); // every link is a key of ours, followed by follow()
    document()->setDocumentMargin(12);
    connect(this, &QTextBrowser::anchorClicked, this, [this](const QUrl& url) { follow(url.toString()); });
    rebuild();
}

void GuideView::setContent(QHash<QString, Target> targets, const QStringList& shortcuts)
{
    m_targets = std::move(targets);
    m_shortcuts = shortcuts;
    rebuild();
}

QString GuideView::shortcutTable(const QStringList& lines)
{
    QString rows;
    for (const QString& line : lines) {
        const QStringList parts = line.split(QLatin1Char('\t'));
        rows += QStringLiteral("<tr><td>%1</td><td style=\"padding-left: 16px\"><b>%2</b></td></tr>")
                    .arg(parts.value(0).toHtmlEscaped(), parts.value(1).toHtmlEscaped());
    }
    return QStringLiteral("<table>%1</table>").arg(rows);
}

QStringList GuideView::linkKeys() const
{
    return m_used;
}

QStringList GuideView::unresolvedKeys() const
{
    QStringList missing;
    for (const QString& key : m_used)
        if (!m_targets.contains(key))
            missing << key;
    return missing;
}

bool GuideView::follow(const QString& key)
{
    const auto found = m_targets.constFind(key);
    if (found == m_targets.cend() || !found->go)
        return false;
    found->go();
    return true;
}

void GuideView::rebuild()
{
    m_used.clear();
    const int position = verticalScrollBar() ? verticalScrollBar()->value() : 0;
    setHtml(html());
    verticalScrollBar()->setValue(position);
}

QString GuideView::link(const QString& key) const
{
    if (!m_used.contains(key))
        m_used << key;
    const auto found = m_targets.constFind(key);
    if (found == m_targets.cend())
        return QStringLiteral("<b>%1</b>").arg(key.section(QLatin1Char(':'), 1).toHtmlEscaped());
    return QStringLiteral("<a href=\"%1\">%2</a>").arg(key, found->label.toHtmlEscaped());
}

QString GuideView::html() const
{
    auto paragraph = [](const QString& text) { return QStringLiteral("<p>%1</p>").arg(text); };
    auto heading = [](const QString& text) { return QStringLiteral("<h3>%1</h3>").arg(text); };
    QString page = QStringLiteral("<h2>%1</h2>").arg(tr("Guide to RnR Explorer"));
    page += paragraph(
        tr("RnR Explorer trains a ranking model and a rating model together on shared user and item embeddings "
           "and shows what the sharing does. In <i>Rank and Rate</i> (RnR) the rating task sees each item "
           "through a learnt post-consumption deviation and a tied non-linear layer; vanilla multi-task "
           "learning shares the embeddings as they are. This guide walks through a first session on the "
           "built-in demo data. Each link does what it names: it brings a tab to the front or starts the "
           "action."));

    page += heading(tr("A first session"));
    page += QStringLiteral("<ol>");
    auto step = [](const QString& text) { return QStringLiteral("<li><p>%1</p></li>").arg(text); };
    page += step(tr("<b>The data.</b> The app starts on the built-in demo data (%1 generates it again): users "
                    "and items whose ratings come from a choose-then-rate process with a planted per-item "
                    "deviation, so that you can see whether a model finds it. The %2 tab shows the counts, the "
                    "rating histogram, the activity of users and items, and what training uses.")
                     .arg(link(QStringLiteral("action:demo")), link(QStringLiteral("page:dataset"))));
    page += step(tr("<b>Train.</b> In the %1 panel, choose a ranking model, a rating model and how they are "
                    "coupled (RnR by default), then %2. Training runs on a background engine thread; the "
                    "status bar shows the epoch, the samples per second and the time left, and %3 and %4 act "
                    "at once. %5 trains the same model as RnR and as vanilla multi-task learning on the same "
                    "data, split and seed. Seeds trains each model several times (mean ± standard deviation), "
                    "and the α × λ grid search keeps the best validation point.")
                     .arg(link(QStringLiteral("panel:experiment")), link(QStringLiteral("action:start")),
                          link(QStringLiteral("action:pause")), link(QStringLiteral("action:stop")),
                          link(QStringLiteral("action:compare"))));
    page += step(tr("<b>Watch.</b> The %1 tab draws live curves of every run: the total, ranking, rating and "
                    "regularisation loss of each batch (with adjustable smoothing, markers at the epoch "
                    "means) and the validation Recall@k, MRR@k, NDCG@k and RMSE. Click a legend entry to hide "
                    "a run; the wheel zooms, dragging pans, and the context menu resets the zoom or exports "
                    "the plot as PNG, PDF or SVG.")
                     .arg(link(QStringLiteral("page:training"))));
    page += step(tr("<b>Ask why.</b> The %1 tab shows, for every multi-task run and epoch, how the two tasks' "
                    "gradients on the user and item vectors they share relate: their cosine, the share of rows "
                    "where they point apart, their sizes and the task weights in force (which the loss balancing "
                    "methods change). For MMoE and PLE runs it shows how each task's gate weighs the experts. "
                    "The paper's hypothesis, that RnR takes the conflict off the shared item vectors, is tested "
                    "here: compare an RnR run with a vanilla one.")
                     .arg(link(QStringLiteral("page:interplay"))));
    page += step(tr("<b>Compare.</b> The %1 tab is the paper's Table 1: the test figures at each model's best "
                    "validation epoch, mean ± standard deviation over seeds, the best of each column in bold, "
                    "exported as CSV, Markdown or LaTeX. Select two rows and the panel below runs the paired "
                    "sign-flip test over the held-out users: which model wins, by how much, and how sure "
                    "that is.")
                     .arg(link(QStringLiteral("page:results"))));
    page += step(tr("<b>Look inside.</b> The %1 tab puts the item vectors the ranking task uses beside those the "
                    "rating task uses (after RnR's deviation and tied layer), projected by PCA, t-SNE or UMAP "
                    "(the last two computed in the background, with Cancel) and coloured by genre, popularity "
                    "or mean rating. Hover for titles; click an item, or find it by title, to select it in "
                    "every view. The %2 tab shows what an RnR run's deviation learnt: its size against popularity and "
                    "mean rating, the items that deviate most and, on the demo data, the learnt against the "
                    "planted deviation.")
                     .arg(link(QStringLiteral("page:embeddings")), link(QStringLiteral("page:deviations"))));
    page += step(tr("<b>One user.</b> In the %1 tab, type a user id: their history (the held-out rating marked ★), the "
                    "top 10 of the latest runs side by side with predicted ratings, the held-out item's rank "
                    "under each run, and the items only one run recommends (≠).")
                     .arg(link(QStringLiteral("page:users"))));
    page += QStringLiteral("</ol>");

    page += heading(tr("Your own data"));
    page += paragraph(
        tr("%1 and %2 open MovieLens (100K, 1M, 10M, latest), Yelp reviews or any CSV or TSV file; dropping a "
           "file or folder on the window does the same. A generic file first asks which columns hold the user, "
           "the item, the rating and the time. Loading runs in the background and can be cancelled. A row that "
           "cannot be read is skipped and counted, or stops the load with its file, line and cause, as %3 sets; "
           "a failed load keeps the data set you had.")
            .arg(link(QStringLiteral("action:open")), link(QStringLiteral("action:open-folder")),
                 link(QStringLiteral("action:load-options"))));
    page += paragraph(tr("MovieLens 100K makes a good first real data set: download ml-100k.zip from "
                         "grouplens.org, unzip it, open the ml-100k folder, set Seeds to 3 and %1. With 20 epochs "
                         "the six runs take well under a minute on two cores; then select both rows of the "
                         "results for the paired test.")
                          .arg(link(QStringLiteral("action:compare"))));

    page += heading(tr("Keeping and sharing results"));
    page += paragraph(
        tr("%1 writes the data set, the settings and every finished run (curves, results and trained models) to "
           "one file, and %2 brings it all back. %3 and %4 write the shown run's embeddings for the TensorBoard "
           "projector and NumPy, and every user's top k as CSV; the command-line program rnr does the same "
           "without a window. %5 shows what the engine did: the files read, each run's start and result, and "
           "warnings.")
            .arg(link(QStringLiteral("action:save-session")), link(QStringLiteral("action:open-session")),
                 link(QStringLiteral("action:export-embeddings")),
                 link(QStringLiteral("action:export-recommendations")), link(QStringLiteral("action:log"))));
    page += paragraph(tr("%1 renames a run everywhere it is shown; %2 takes a finished run out with its curves, "
                         "results and model, and %3 brings it back. %4 sets the language, the colours, the "
                         "training threads and the default epochs.")
                          .arg(link(QStringLiteral("action:rename")), link(QStringLiteral("action:delete")),
                               link(QStringLiteral("action:undo")), link(QStringLiteral("action:preferences"))));

    page += heading(tr("Keyboard shortcuts"));
    page += shortcutTable(m_shortcuts);

    page += heading(tr("The method"));
    page += paragraph(tr("G. Hadash, O. Sar Shalom and R. Osadchy. <i>Rank and Rate: Multi-task Learning for "
                         "Recommender Systems.</i> RecSys 2018. %1 lists the licences.")
                          .arg(link(QStringLiteral("action:about"))));
    return page;
}

} // namespace rnr
