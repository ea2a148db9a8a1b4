#include "views/userinspector.h"

#include "eval/recommend.h"
#include "models/runmodel.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalBlocker>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <algorithm>
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
    table->setTextElideMode(Qt::ElideMiddle);
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
std::optional<std::uint32_t> heldOutItem(const Dataset& data, const Model& model, std::uint32_t user)
{
    const Interaction* latest = nullptr;
    for (const Interaction& x : data.interactions)
        if (x.user == user && !model.history().contains(x.user, x.item) &&
            (!latest || std::tie(x.timestamp, x.row) > std::tie(latest->timestamp, latest->row)))
            latest = &x;
    return latest ? std::optional<std::uint32_t>(latest->item) : std::nullopt;
}
} // namespace

UserInspector::UserInspector(QWidget* parent)
    : QWidget(parent), m_search(new QLineEdit(this)), m_status(new QLabel(this)), m_history(nullptr),
      m_runsLayout(new QHBoxLayout)
{
    m_search->setPlaceholderText(tr("User id, as in the data set"));
    auto* show = new QPushButton(tr("&Show"), this);
    connect(show, &QPushButton::clicked, this, [this] { showUser(m_search->text()); });
    connect(m_search, &QLineEdit::returnPressed, this, [this] { showUser(m_search->text()); });
    auto* top = new QHBoxLayout;
    top->addWidget(new QLabel(tr("&User:"), this));
    top->addWidget(m_search);
    top->addWidget(show);
    top->addWidget(m_status, 1);
    qobject_cast<QLabel*>(top->itemAt(0)->widget())->setBuddy(m_search);

    m_history = makeTable(this, {tr("Date"), tr("Item"), tr("Rating")});
    connectTable(m_history, nullptr);
    auto* historyBox = new QWidget(this);
    auto* historyLayout = new QVBoxLayout(historyBox);
    historyLayout->setContentsMargins(0, 0, 0, 0);
    historyLayout->addWidget(new QLabel(tr("<b>History</b> (held-out rating marked \u2605)"), historyBox));
    historyLayout->addWidget(m_history);
    auto* runsBox = new QWidget(this);
    runsBox->setLayout(m_runsLayout);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(historyBox);
    splitter->addWidget(runsBox);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(splitter, 1);
    m_status->setText(tr("Train a model, then look up a user."));
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
    auto* box = new QWidget(this);
    auto* layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    run.caption = new QLabel(QStringLiteral("<b>%1</b>").arg(name.toHtmlEscaped()), box);
    run.caption->setWordWrap(true);
    run.table = makeTable(box, {tr("#"), tr("Recommended item"), tr("Predicted"), tr("\u2260")});
    run.table->setToolTip(tr("\u2605 the user's held-out item; \u2260 recommended by no other run shown"));
    connectTable(run.table, run.data.get());
    layout->addWidget(run.caption);
    layout->addWidget(run.table);
    m_runsLayout->addWidget(box);
    m_runs.push_back(std::move(run));
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
    if (m_runs.empty()) {
        m_status->setText(tr("No trained run yet."));
        return false;
    }
    const Dataset& shown = *m_runs.back().data;
    const auto user = denseUser(shown, id);
    if (!user) {
        m_status->setText(tr("No user '%1' in %2.").arg(id, QString::fromStdString(shown.name)));
        m_history->setRowCount(0);
        return false;
    }
    const Model& latest = *m_runs.back().model;
    // History, latest first; the held-out rating is the one the model did not train on.
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
        const bool held = !latest.history().contains(x.user, x.item);
        if (held)
            heldOut = x.item;
        const QString when =
            shown.hasTimestamps
                ? QDateTime::fromSecsSinceEpoch(x.timestamp, Qt::UTC).toString(QStringLiteral("yyyy-MM-dd"))
                : tr("row %1").arg(x.row);
        m_history->setItem(r, 0, new QTableWidgetItem(when));
        auto* title = new QTableWidgetItem((held ? QStringLiteral("\u2605 ") : QString()) +
                                           QString::fromStdString(shown.itemLabel(x.item)));
        title->setData(Qt::UserRole, x.item);
        m_history->setItem(r, 1, title);
        m_history->setItem(r, 2, new QTableWidgetItem(QString::number(double(x.rating))));
    }

    // Top-k per run, each in the ids of its own data set (runs may come from different data
    // sets); disagreements compare the publishers' item ids.
    const std::size_t k = latest.hyperParams().topK;
    const std::size_t count = m_runs.size();
    std::vector<std::optional<std::uint32_t>> users(count);
    std::vector<std::vector<Recommendation>> lists(count);
    for (std::size_t r = 0; r < count; ++r) {
        const Run& run = m_runs[r];
        users[r] = denseUser(*run.data, id);
        if (users[r] && *users[r] < run.model->userCount())
            lists[r] = recommend(*run.model, *users[r], k, run.data->scale);
        else
            users[r].reset();
    }
    for (std::size_t r = 0; r < count; ++r) {
        const Run& run = m_runs[r];
        std::set<std::string> others;
        for (std::size_t o = 0; o < count; ++o)
            if (o != r)
                for (const auto& rec : lists[o])
                    others.insert(m_runs[o].data->itemIds[rec.item]);
        const auto runHeldOut = users[r] ? heldOutItem(*run.data, *run.model, *users[r]) : std::nullopt;
        run.table->setRowCount(int(lists[r].size()));
        for (int row = 0; row < int(lists[r].size()); ++row) {
            const Recommendation& rec = lists[r][std::size_t(row)];
            QString marks;
            if (runHeldOut && rec.item == *runHeldOut)
                marks += QStringLiteral("\u2605");
            if (count > 1 && !others.count(run.data->itemIds[rec.item]))
                marks += QStringLiteral("\u2260");
            run.table->setItem(row, 0, new QTableWidgetItem(QString::number(row + 1)));
            auto* title = new QTableWidgetItem(QString::fromStdString(run.data->itemLabel(rec.item)));
            title->setData(Qt::UserRole, rec.item);
            run.table->setItem(row, 1, title);
            run.table->setItem(row, 2,
                               new QTableWidgetItem(std::isnan(rec.rating) ? QStringLiteral("\u2013")
                                                                           : QString::number(rec.rating, 'f', 2)));
            run.table->setItem(row, 3, new QTableWidgetItem(marks));
        }
        QString caption = QStringLiteral("<b>%1</b>").arg(run.name.toHtmlEscaped());
        if (!users[r]) {
            caption += tr("<br>no user '%1' in this run's data set").arg(id.toHtmlEscaped());
        } else if (runHeldOut) {
            const std::uint32_t rank = rankOf(*run.model, *users[r], *runHeldOut);
            caption += tr("<br>held-out item ranked %1 of %2")
                           .arg(rank)
                           .arg(run.model->itemCount() - run.model->history().of(*users[r]).size());
        }
        run.caption->setText(caption);
    }
    m_status->setText(heldOut
                          ? tr("User %1: %2 ratings; the latest was held out for evaluation.").arg(id).arg(rows.size())
                          : tr("User %1: %2 ratings, none held out.").arg(id).arg(rows.size()));
    Q_EMIT userShown(*user);
    return true;
}

void UserInspector::connectTable(QTableWidget* table, const Dataset* own)
{
    // The history shows the latest run's data set; a run's table keeps its own.
    connect(table, &QTableWidget::cellClicked, this, [this, table, own](int row, int) {
        if (const QTableWidgetItem* cell = table->item(row, 1)) {
            const auto item = std::uint32_t(cell->data(Qt::UserRole).toUInt());
            const Dataset* source = own ? own : dataset();
            selectItem(source, item);
            Q_EMIT itemActivated(source, item);
        }
    });
}

void UserInspector::selectItem(const Dataset* shown, std::uint32_t item)
{
    std::vector<QTableWidget*> tables;
    if (shown && shown == dataset())
        tables.push_back(m_history);
    for (const Run& run : m_runs)
        if (run.data.get() == shown)
            tables.push_back(run.table);
    for (QTableWidget* table : tables) {
        const QSignalBlocker block(table);
        table->clearSelection();
        for (int r = 0; r < table->rowCount(); ++r)
            if (const QTableWidgetItem* cell = table->item(r, 1); cell && cell->data(Qt::UserRole).toUInt() == item)
                table->selectRow(r);
    }
}

} // namespace rnr
