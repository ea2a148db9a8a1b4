#include "views/userinspector.h"

#include "eval/like.h"
#include "eval/recommend.h"
#include "models/runmodel.h"
#include "panels/itemsearch.h"

#include <QCompleter>
#include <QDateTime>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QSignalBlocker>
#include <QSplitter>
#include <QStringListModel>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
#include <limits>
#include <set>
#include <tuple>

namespace rnr {

namespace {
QTableWidget* makeTable(QWidget* parent, const QStringList& headers)
{
    auto* table = new QTableWidget(parent);
    table->setColumnCount(int(headers.size()));
    table->setHorizontalHeaderLabels(headers);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    table->setWordWrap(false);
    table->setTextElideMode(Qt::ElideRight); // the full title is the cell's tooltip
    table->verticalHeader()->setVisible(false);
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    return table;
}

std::optional<std::uint32_t> denseUser(const Dataset& data, const QString& id)
{
    const std::string wanted = id.trimmed().toStdString();
    const auto it = std::find(data.userIds.begin(), data.userIds.end(), wanted);
    if (it == data.userIds.end())
        return std::nullopt;
    return std::uint32_t(it - data.userIds.begin());
}
/// The user's interaction a model did not train on (the latest such one), if any.
const Interaction* heldOutOf(const Dataset& data, const Model& model, std::uint32_t user)
{
    const Interaction* latest = nullptr;
    for (const Interaction& x : data.interactions)
        if (x.user == user && !model.history().contains(x.user, x.item) &&
            (!latest || std::tie(x.timestamp, x.row) > std::tie(latest->timestamp, latest->row)))
            latest = &x;
    return latest;
}

} // namespace

UserInspector::UserInspector(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_status(new QLabel(this)), m_historyCaption(new QLabel(this)),
      m_history(nullptr), m_runsLayout(new QHBoxLayout), m_userIds(new QStringListModel(this)),
      m_itemSearch(new ItemSearch(this))
{
    m_search->setPlaceholderText(tr("User id, as in the data set"));
    // Wide enough for the whole placeholder, however the font and the scale.
    m_search->setMinimumWidth(m_search->fontMetrics().horizontalAdvance(m_search->placeholderText()) +
                              4 * m_search->fontMetrics().averageCharWidth());
    auto* completer = new QCompleter(m_userIds, this);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setModelSorting(QCompleter::UnsortedModel);
    completer->setMaxVisibleItems(12);
    m_search->setCompleter(completer);
    m_search->installEventFilter(this);
    // Typing needs focus first, which fills the ids; text set by the program fills them too.
    connect(m_search, &QLineEdit::textChanged, this, [this] { ensureUserIds(); });
    connect(completer, qOverload<const QString&>(&QCompleter::activated), this,
            [this](const QString& id) { showUser(id); });
    auto* show = new QPushButton(tr("&Show"), this);
    connect(show, &QPushButton::clicked, this, [this] { showUser(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { showUser(m_search->text()); });
    auto* top = new QHBoxLayout;
    auto* label = new QLabel(tr("&User:"), this);
    label->setBuddy(m_search);
    top->addWidget(label);
    top->addWidget(m_search);
    top->addWidget(show);
    top->addStretch(1);
    top->addWidget(m_itemSearch);
    connect(m_itemSearch, &ItemSearch::itemChosen, this, [this](std::uint32_t item) {
        selectItem(dataset(), item);
        Q_EMIT itemActivated(dataset(), item);
    });
    m_status->setWordWrap(true);

    m_history = makeTable(this, {tr("Date"), tr("Item"), tr("Rating")});
    connectTable(m_history);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    m_historyCaption->setWordWrap(true);
    historyLayout->addWidget(m_historyCaption);
    historyLayout->addWidget(m_history);
    // Runs side by side, each wide enough for its titles; more runs than fit scroll sideways.
    auto* runsBox = new QWidget;
    m_runsLayout->setContentsMargins(0, 0, 0, 0);
    runsBox->setLayout(m_runsLayout);
    auto* runsArea = new QScrollArea(this);
    runsArea->setWidget(runsBox);
    runsArea->setWidgetResizable(true);
    runsArea->setFrameShape(QFrame::NoFrame);
    runsArea->setVerticalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // tall enough for the top-k (addRun)
    m_runsArea = runsArea;
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(historyBox);
    splitter->addWidget(runsArea);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_status);
    layout->addWidget(splitter, 1);
    m_status->setText(tr("Train a model, then look up a user."));
    setDataset(nullptr);
}

void UserInspector::setDataset(std::shared_ptr<const Dataset> dataset)
{
    m_dataset = std::move(dataset);
    m_datasetFingerprint = 0;
    m_userIdsStale = true;
    if (m_search->hasFocus())
        ensureUserIds(); // in use now: the completer must see the new ids
    else
        m_userIds->setStringList({}); // not the last set's ids meanwhile
    m_itemSearch->setDataset(m_dataset);
    m_history->setRowCount(0);
    m_historyCaption->setText(m_dataset ? tr("<b>History</b> in %1 (held-out rating marked \u2605)")
                                              .arg(QString::fromStdString(m_dataset->name).toHtmlEscaped())
                                        : tr("<b>History</b> (held-out rating marked \u2605)"));
    for (const Run& run : m_runs) // which runs can be compared changes with the data set
        run.table->setRowCount(0);
    if (!m_search->text().isEmpty() && m_dataset && !m_runs.empty())
        showUser(m_search->text());
}

void UserInspector::ensureUserIds()
{
    if (!m_userIdsStale)
        return;
    m_userIdsStale = false;
    QStringList ids;
    if (m_dataset) {
        ids.reserve(qsizetype(m_dataset->userIds.size()));
        for (const auto& id : m_dataset->userIds)
            ids << QString::fromStdString(id);
    }
    m_userIds->setStringList(ids);
}

bool UserInspector::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_search && event->type() == QEvent::FocusIn)
        ensureUserIds();
    return QWidget::eventFilter(watched, event);
}

bool UserInspector::isOpen(const Run& run) const
{
    if (!m_dataset || !run.data)
        return false;
    if (run.data == m_dataset)
        return true;
    // Another copy of the same data (a session's runs, the data set opened again).
    if (run.data->userIds.size() != m_dataset->userIds.size() ||
        run.data->interactions.size() != m_dataset->interactions.size())
        return false;
    if (!m_datasetFingerprint)
        m_datasetFingerprint = m_dataset->fingerprint() | 1;
    if (!run.fingerprint)
        run.fingerprint = run.data->fingerprint() | 1;
    return run.fingerprint == m_datasetFingerprint;
}

bool UserInspector::runOnOpenDataset(int index) const
{
    return index >= 0 && index < runCount() && isOpen(m_runs[std::size_t(index)]);
}

QString UserInspector::runCaption(int index) const
{
    return index >= 0 && index < runCount() ? m_runs[std::size_t(index)].caption->text() : QString();
}

void UserInspector::fitTable(QTableWidget* table, int rows) const
{
    // Tall enough for every row of the top-k without scrolling.
    const int rowHeight = table->verticalHeader()->defaultSectionSize();
    const int height = table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * table->frameWidth() +
                       table->horizontalScrollBar()->sizeHint().height();
    table->setMinimumHeight(height);
}

QTableWidget* UserInspector::runTable(int index) const
{
    return index >= 0 && index < runCount() ? m_runs[std::size_t(index)].table : nullptr;
}

QString UserInspector::status() const
{
    return m_status->text();
}

void UserInspector::addRun(const QString& name, std::shared_ptr<const Dataset> dataset,
                           std::shared_ptr<const Model> model)
{
    if (!dataset || !model)
        return;
    if (int(m_runs.size()) == kMaxRuns) {
        delete m_runs.front().table->parentWidget();
        m_runs.erase(m_runs.begin());
    }
    Run run{name, std::move(dataset), std::move(model), nullptr, nullptr};
    auto* box = new QWidget;
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    run.caption = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), box);
    run.caption->setWordWrap(true);
    run.caption->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    // A cascade has no rating prediction: its columns are the chance to choose and to like.
    const bool cascade = run.model->hasLikeHead();
    run.table = makeTable(
        box, cascade ? QStringList{tr("#"), tr("Recommended item"), tr("p(choose)"), tr("p(like)"), tr("\u2260")}
                     : QStringList{tr("#"), tr("Recommended item"), tr("Predicted"), tr("\u2260")});
    run.table->setToolTip(cascade ? tr("p(choose): the choice head's sigma(s); p(like) = p(choose) \u00b7 "
                                       "p(like | choose). \u2605 the user's held-out item; \u2260 recommended by "
                                       "no other run shown")
                                  : tr("\u2605 the user's held-out item; \u2260 recommended by no other run shown"));
    fitTable(run.table, int(run.model->hyperParams().topK));
    // Room for about 28 characters of title beside the number, the prediction and the marks.
    box->setMinimumWidth(40 * fontMetrics().averageCharWidth());
    connectTable(run.table);
    layout->addWidget(run.caption);
    layout->addWidget(run.table, 1);
    m_runsLayout->addWidget(box, 1);
    m_runs.push_back(std::move(run));
    // The runs keep the height their top-k needs; the history takes what is left and scrolls.
    m_runsArea->setMinimumHeight(m_runsArea->widget()->minimumSizeHint().height() +
                                 m_runsArea->horizontalScrollBar()->sizeHint().height());
    if (!m_search->text().isEmpty())
        showUser(m_search->text());
    else // the hint to train first no longer applies
        m_status->setText(tr("Type a user id to see their history and what each run recommends."));
}

void UserInspector::setRunModel(RunModel* runs)
{
    connect(runs, &RunModel::runFinished, this, [this, runs](quint64 id) {
        if (const RunModel::Run* run = runs->run(id))
            addRun(run->name, run->data, run->outcome.model);
    });
    connect(runs, &QAbstractItemModel::modelReset, this, &UserInspector::clearRuns);
    connect(runs, &RunModel::runRemoved, this, [this](quint64, const Model* model) { removeRun(model); });
    connect(runs, &RunModel::runRenamed, this, [this, runs](quint64 id, const QString& name) {
        if (const RunModel::Run* run = runs->run(id))
            renameRun(run->outcome.model.get(), name);
    });
}

void UserInspector::removeRun(const Model* model)
{
    for (auto it = m_runs.begin(); it != m_runs.end();)
        if (it->model.get() == model) {
            delete it->table->parentWidget();
            it = m_runs.erase(it);
        } else {
            ++it;
        }
    if (!m_search->text().isEmpty() && m_dataset)
        showUser(m_search->text()); // the disagreement marks depend on the runs shown
}

void UserInspector::renameRun(const Model* model, const QString& name)
{
    for (Run& run : m_runs)
        if (run.model.get() == model) {
            run.name = name;
            run.caption->setText(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()));
        }
    if (!m_search->text().isEmpty() && m_dataset)
        showUser(m_search->text()); // the captions say more once a user is shown
}

void UserInspector::clearRuns()
{
    for (const Run& run : m_runs)
        delete run.table->parentWidget();
    m_runs.clear();
    m_history->setRowCount(0);
    m_status->setText(tr("No trained run yet."));
}

bool UserInspector::showUser(const QString& id)
{
    m_search->setText(id);
    if (!m_dataset) {
        m_status->setText(tr("Open a data set first."));
        return false;
    }
    const Dataset& shown = *m_dataset;
    const QString setName = QString::fromStdString(shown.name);
    const auto user = denseUser(shown, id);
    if (!user) {
        m_status->setText(tr("No user '%1' in %2.").arg(id, setName));
        m_history->setRowCount(0);
        return false;
    }
    // The held-out rating is the one the latest run on this data set did not train on.
    const Model* latest = nullptr;
    for (const Run& run : m_runs)
        if (isOpen(run))
            latest = run.model.get();
    std::vector<Interaction> rows;
    for (const auto& x : shown.interactions)
        if (x.user == *user)
            rows.push_back(x);
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return a.timestamp != b.timestamp ? a.timestamp > b.timestamp : a.row > b.row;
    });
    std::optional<std::uint32_t> heldOut;
    m_history->setRowCount(int(rows.size()));
    for (int r = 0; r < int(rows.size()); ++r) {
        const Interaction& x = rows[std::size_t(r)];
        const bool held = latest && x.user < latest->userCount() && !latest->history().contains(x.user, x.item);
        if (held)
            heldOut = x.item;
        const QString when =
            shown.hasTimestamps
                ? QDateTime::fromSecsSinceEpoch(x.timestamp, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"))
                : tr("row %1").arg(x.row);
        m_history->setItem(r, 0, new QTableWidgetItem(when));
        const QString label = QString::fromStdString(shown.itemLabel(x.item));
        auto* title = new QTableWidgetItem((held ? QStringLiteral("\u2605 ") : QString()) + label);
        title->setData(Qt::UserRole, x.item);
        title->setToolTip(label);
        m_history->setItem(r, 1, title);
        m_history->setItem(r, 2, new QTableWidgetItem(QString::number(double(x.rating))));
    }

    // Top-k of every run trained on the open data set; the others say where they come from.
    const std::size_t count = m_runs.size();
    std::vector<bool> open(count);
    std::vector<std::vector<Recommendation>> lists(count);
    std::size_t comparable = 0;
    for (std::size_t r = 0; r < count; ++r) {
        const Run& run = m_runs[r];
        open[r] = isOpen(run) && *user < run.model->userCount();
        if (open[r]) {
            lists[r] = recommend(*run.model, *user, run.model->hyperParams().topK, run.data->scale);
            ++comparable;
        }
    }
    for (std::size_t r = 0; r < count; ++r) {
        const Run& run = m_runs[r];
        std::set<std::uint32_t> others;
        for (std::size_t o = 0; o < count; ++o)
            if (o != r)
                for (const auto& rec : lists[o])
                    others.insert(rec.item);
        constexpr std::uint32_t kNone = std::numeric_limits<std::uint32_t>::max();
        const Interaction* held = open[r] ? heldOutOf(shown, *run.model, *user) : nullptr; // one scan per run
        const std::uint32_t runHeldOut = held ? held->item : kNone;
        run.table->setEnabled(open[r]);
        run.table->setRowCount(int(lists[r].size()));
        for (int row = 0; row < int(lists[r].size()); ++row) {
            const Recommendation& rec = lists[r][std::size_t(row)];
            QString marks;
            if (rec.item == runHeldOut)
                marks += QStringLiteral("\u2605");
            if (comparable > 1 && !others.count(rec.item))
                marks += QStringLiteral("\u2260");
            run.table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
            const QString label = QString::fromStdString(shown.itemLabel(rec.item));
            auto* title = new QTableWidgetItem(label);
            title->setData(Qt::UserRole, rec.item);
            title->setToolTip(label);
            run.table->setItem(row, 1, title);
            auto figure = [](float v, int decimals) {
                return new QTableWidgetItem(std::isnan(v) ? QStringLiteral("\u2013")
                                                          : QString::number(v, 'f', decimals));
            };
            int column = 2;
            if (run.model->hasLikeHead()) {
                run.table->setItem(row, column++, figure(rec.choose, 3));
                run.table->setItem(row, column++, figure(rec.like, 3));
            } else {
                run.table->setItem(row, column++, figure(rec.rating, 2));
            }
            run.table->setItem(row, column, new QTableWidgetItem(marks));
        }
        QString caption = QStringLiteral("<b>%1</b>").arg(run.name.toHtmlEscaped());
        if (!isOpen(run)) {
            caption += tr("<br>trained on %1, not on the open data set: open that data set to see its "
                          "recommendations")
                           .arg(QString::fromStdString(run.data->name).toHtmlEscaped());
        } else if (!open[r]) {
            caption += tr("<br>user '%1' was not trained on in this run").arg(id.toHtmlEscaped());
        } else if (runHeldOut != kNone) {
            const std::uint32_t rank = rankOf(*run.model, *user, runHeldOut);
            caption += tr("<br>held-out item ranked %1 of %2")
                           .arg(rank)
                           .arg(run.model->itemCount() - run.model->history().of(*user).size());
            const float threshold = likeThreshold(run.model->hyperParams(), run.data->scale);
            caption += isLike(held->rating, threshold)
                           ? tr(" (rated %1: a like, at or above %2)").arg(held->rating).arg(threshold)
                           : tr(" (rated %1: not a like, below %2)").arg(held->rating).arg(threshold);
        }
        run.caption->setText(caption);
    }
    const QString ratings = QString::number(rows.size());
    if (!latest)
        m_status->setText(tr("User %1 of %2 (ratings: %3); no run on this data set yet.").arg(id, setName, ratings));
    else if (heldOut)
        m_status->setText(
            tr("User %1 of %2 (ratings: %3); the latest was held out for evaluation.").arg(id, setName, ratings));
    else
        m_status->setText(tr("User %1 of %2 (ratings: %3), none held out.").arg(id, setName, ratings));
    Q_EMIT userShown(*user);
    return true;
}

void UserInspector::connectTable(QTableWidget* table)
{
    // The history and every table that shows titles show the open data set.
    connect(table, &QTableWidget::cellClicked, this, [this, table](int row, int) {
        if (const QTableWidgetItem* cell = table->item(row, 1)) {
            const auto item = std::uint32_t(cell->data(Qt::UserRole).toUInt());
            const Dataset* source = dataset();
            selectItem(source, item);
            Q_EMIT itemActivated(source, item);
        }
    });
}

void UserInspector::selectItem(const Dataset* shown, std::uint32_t item)
{
    // Only the open data set's titles are shown (in the history and the runs trained on it).
    std::vector<QTableWidget*> tables;
    if (shown && (shown == dataset() || std::any_of(m_runs.begin(), m_runs.end(), [&](const Run& run) {
                      return run.data.get() == shown && isOpen(run);
                  }))) {
        tables.push_back(m_history);
        for (const Run& run : m_runs)
            if (isOpen(run))
                tables.push_back(run.table);
    }
    for (QTableWidget* table : tables) {
        const QSignalBlocker block(table);
        table->clearSelection();
        for (int r = 0; r < table->rowCount(); ++r)
            if (const QTableWidgetItem* cell = table->item(r, 1); cell && cell->data(Qt::UserRole).toUInt() == item)
                table->selectRow(r);
    }
}

} // namespace rnr
