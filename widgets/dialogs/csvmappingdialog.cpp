#include "dialogs/csvmappingdialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSignalBlocker>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rnr {

namespace {

constexpr char kDelimiters[] = {',', '\t', ';', '|'};

} // namespace

QString CsvMappingDialog::columnName(const CsvPreview& preview, std::size_t column)
{
    return preview.hasHeader ? QString::fromStdString(preview.columns[column]) : tr("column %1").arg(column);
}

CsvMappingDialog::CsvMappingDialog(const QString& file, QWidget* parent) : QDialog(parent), m_file(file)
{
    setWindowTitle(tr("Map the Columns of %1").arg(QFileInfo(file).fileName()));
    m_delimiter = new QComboBox(this);
    m_delimiter->addItem(tr("Comma ( , )"));
    m_delimiter->addItem(tr("Tab"));
    m_delimiter->addItem(tr("Semicolon ( ; )"));
    m_delimiter->addItem(tr("Vertical bar ( | )"));
    m_header = new QCheckBox(tr("The first line names the columns"), this);
    const QString roles[RoleCount] = {tr("User:"), tr("Item:"), tr("Rating:"), tr("Time:")};
    auto* form = new QFormLayout;
    form->addRow(tr("Delimiter:"), m_delimiter);
    form->addRow(QString(), m_header);
    for (int r = 0; r < RoleCount; ++r) {
        m_columns[r] = new QComboBox(this);
        form->addRow(roles[r], m_columns[r]);
        connect(m_columns[r], &QComboBox::currentIndexChanged, this, &CsvMappingDialog::check);
    }
    m_columns[Rating]->setToolTip(tr("Without a rating column every row counts as rating 1 (implicit feedback)."));
    m_columns[Time]->setToolTip(tr("Without a time column the order of the rows is taken as time."));
    m_preview = new QTableWidget(this);
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_preview->setMinimumSize(560, 240);
    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Load"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(new QLabel(tr("First rows:"), this));
    layout->addWidget(m_preview, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);

    // The detected delimiter and header first, then the user's changes re-read the preview.
    try {
        m_current = previewCsv(file.toStdString());
    } catch (const std::exception& e) {
        m_problem = QString::fromStdString(e.what());
    }
    for (int d = 0; d < 4; ++d)
        if (kDelimiters[d] == m_current.delimiter)
            m_delimiter->setCurrentIndex(d);
    m_header->setChecked(m_current.hasHeader);
    fillColumns(m_current);
    connect(m_delimiter, &QComboBox::currentIndexChanged, this, &CsvMappingDialog::reload);
    connect(m_header, &QCheckBox::toggled, this, &CsvMappingDialog::reload);
    check();
}

void CsvMappingDialog::reload()
{
    CsvMapping wanted;
    wanted.delimiter = kDelimiters[std::max(0, m_delimiter->currentIndex())];
    wanted.hasHeader = m_header->isChecked();
    m_problem.clear();
    try {
        m_current = previewCsv(m_file.toStdString(), wanted);
    } catch (const std::exception& e) {
        m_current = CsvPreview{};
        m_problem = QString::fromStdString(e.what());
    }
    fillColumns(m_current);
    check();
}

void CsvMappingDialog::fillColumns(const CsvPreview& preview)
{
    const std::optional<std::size_t> guesses[RoleCount] = {preview.user, preview.item, preview.rating,
                                                           preview.timestamp};
    for (int r = 0; r < RoleCount; ++r) {
        const QSignalBlocker block(m_columns[r]);
        m_columns[r]->clear();
        m_columns[r]->addItem(r == User || r == Item ? tr("(choose a column)") : tr("(none)"), -1);
        for (std::size_t c = 0; c < preview.columns.size(); ++c)
            m_columns[r]->addItem(tr("%1: %2").arg(c).arg(columnName(preview, c)), int(c));
        m_columns[r]->setCurrentIndex(guesses[r] ? int(*guesses[r]) + 1 : 0);
    }
    m_preview->clear();
    m_preview->setColumnCount(int(preview.columns.size()));
    m_preview->setRowCount(int(preview.rows.size()));
    for (std::size_t row = 0; row < preview.rows.size(); ++row)
        for (std::size_t c = 0; c < preview.rows[row].size() && c < preview.columns.size(); ++c)
            m_preview->setItem(int(row), int(c), new QTableWidgetItem(QString::fromStdString(preview.rows[row][c])));
}

CsvMapping CsvMappingDialog::mapping() const
{
    CsvMapping m;
    m.delimiter = kDelimiters[std::max(0, m_delimiter->currentIndex())];
    m.hasHeader = m_header->isChecked();
    auto column = [this](int role) {
        const int c = m_columns[role]->currentData().toInt();
        return c < 0 ? std::string("-") : std::to_string(c);
    };
    m.user = column(User);
    m.item = column(Item);
    m.rating = column(Rating);
    m.timestamp = column(Time);
    return m;
}

bool CsvMappingDialog::isAcceptable() const
{
    return m_buttons->button(QDialogButtonBox::Ok)->isEnabled();
}

void CsvMappingDialog::check()
{
    QString problem = m_problem;
    const QString roles[RoleCount] = {tr("user"), tr("item"), tr("rating"), tr("time")};
    int chosen[RoleCount];
    for (int r = 0; r < RoleCount; ++r)
        chosen[r] = m_columns[r]->currentData().toInt();
    if (problem.isEmpty() && chosen[User] < 0)
        problem = tr("Choose the column that holds the user.");
    if (problem.isEmpty() && chosen[Item] < 0)
        problem = tr("Choose the column that holds the item.");
    for (int a = 0; a < RoleCount && problem.isEmpty(); ++a)
        for (int b = a + 1; b < RoleCount && problem.isEmpty(); ++b)
            if (chosen[a] >= 0 && chosen[a] == chosen[b])
                problem = tr("The %1 and the %2 cannot be the same column.").arg(roles[a], roles[b]);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(problem.isEmpty());
    m_message->setText(problem.isEmpty() ? tr("Rows shown: %n", nullptr, int(m_current.rows.size())) : problem);
    // Name the chosen columns in the preview's header.
    for (int c = 0; c < m_preview->columnCount(); ++c) {
        QString name = columnName(m_current, std::size_t(c));
        for (int r = 0; r < RoleCount; ++r)
            if (chosen[r] == c)
                name = tr("%1 → %2").arg(name, roles[r]);
        m_preview->setHorizontalHeaderItem(c, new QTableWidgetItem(name));
    }
}

} // namespace rnr
