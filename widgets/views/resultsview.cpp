#include "views/resultsview.h"

#include "models/resultsmodel.h"

#include <QApplication>
#include <QClipboard>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rnr {

ResultsView::ResultsView(ResultsModel* model, QWidget* parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)), m_table(new QTableView(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(Qt::UserRole);
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ResultsModel::Model, QHeaderView::Stretch);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the order runs finished in, until a header is clicked
    m_table->verticalHeader()->setVisible(false);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_paired = new QLabel(this);
    m_paired->setWordWrap(true);
    m_paired->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_paired->setFrameShape(QFrame::StyledPanel);
    m_paired->setMargin(6);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ResultsView::updatePairedTest);
    connect(model, &QAbstractItemModel::modelReset, this, &ResultsView::updatePairedTest);
    connect(model, &QAbstractItemModel::dataChanged, this, &ResultsView::updatePairedTest);
    // A like head's log loss only where a cascade is in the table: the other models have none.
    auto showLogLoss = [this] {
        bool any = false;
        for (int r = 0; r < m_model->rowCount() && !any; ++r)
            any = m_model->summary(r, ResultsModel::LikeLogLoss).n > 0;
        m_table->setColumnHidden(ResultsModel::LikeLogLoss, !any);
    };
    connect(model, &QAbstractItemModel::modelReset, this, showLogLoss);
    connect(model, &QAbstractItemModel::rowsInserted, this, showLogLoss);
    connect(model, &QAbstractItemModel::rowsRemoved, this, showLogLoss);
    connect(model, &QAbstractItemModel::dataChanged, this, showLogLoss);
    showLogLoss();

    auto* note =
        new QLabel(tr("Test figures of each run's best validation epoch, mean \u00b1 std over runs; the best of "
                      "each column in bold."),
                   this);
    note->setWordWrap(true);
    auto* copy = new QPushButton(tr("&Copy as Markdown"), this);
    auto* exportButton = new QPushButton(tr("&Export..."), this);
    exportButton->setToolTip(tr("Save as CSV, Markdown or LaTeX"));
    connect(copy, &QPushButton::clicked, this, &ResultsView::copyToClipboard);
    connect(exportButton, &QPushButton::clicked, this, &ResultsView::chooseExportFile);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(note, 1);
    buttons->addWidget(copy);
    buttons->addWidget(exportButton);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_paired);
    updatePairedTest();
}

void ResultsView::selectPair(int rowA, int rowB)
{
    m_table->clearSelection();
    for (int row : {rowA, rowB})
        m_table->selectionModel()->select(m_proxy->mapFromSource(m_model->index(row, 0)),
                                          QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

QString ResultsView::pairedText() const
{
    return m_paired->text();
}

void ResultsView::updatePairedTest()
{
    QList<int> rows; // source rows in the order shown
    for (const QModelIndex& index : m_table->selectionModel()->selectedRows())
        rows << index.row();
    std::sort(rows.begin(), rows.end());
    if (rows.size() != 2) {
        m_paired->setText(tr("Select two rows (Ctrl+click) for a paired significance test: the runs are paired by "
                             "seed and each test user's held-out item, and a sign-flip randomisation test gives "
                             "the p-value."));
        return;
    }
    m_paired->setText(m_model->pairedSummary(m_proxy->mapToSource(m_proxy->index(rows[0], 0)).row(),
                                             m_proxy->mapToSource(m_proxy->index(rows[1], 0)).row()));
}

bool ResultsView::exportTo(const QString& path) const
{
    const QString lower = path.toLower();
    const QString text = lower.endsWith(QLatin1String(".csv"))   ? m_model->toCsv()
                         : lower.endsWith(QLatin1String(".tex")) ? m_model->toLatex()
                                                                 : m_model->toMarkdown();
    QSaveFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) >= 0 && file.commit();
}

void ResultsView::copyToClipboard() const
{
    QApplication::clipboard()->setText(m_model->toMarkdown());
}

void ResultsView::chooseExportFile()
{
    const QString path = QFileDialog::getSaveFileName(this, tr("Export Results"), QStringLiteral("results.md"),
                                                      tr("Markdown (*.md);;CSV (*.csv);;LaTeX (*.tex)"));
    if (!path.isEmpty() && !exportTo(path))
        QMessageBox::warning(this, tr("Export failed"), tr("Could not write %1.").arg(path));
}

} // namespace rnr
