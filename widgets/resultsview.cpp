#include "resultsview.h"

#include "resultsmodel.h"

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
