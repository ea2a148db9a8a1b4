#pragma once

#include <QWidget>

class QLabel;
class QTableView;
class QSortFilterProxyModel;

namespace rnr {

class ResultsModel;

/// The results table with sorting, copy (Markdown) and export (CSV, Markdown, LaTeX).
class ResultsView : public QWidget
{
    Q_OBJECT

public:
    explicit ResultsView(ResultsModel* model, QWidget* parent = nullptr);

    QTableView* table() const { return m_table; }
    /// Writes the table in the format the file's suffix names (.csv, .md, .tex); false on failure.
    bool exportTo(const QString& path) const;
    void copyToClipboard() const;
    /// Selects two rows (source-model rows) for the paired test; tests use it.
    void selectPair(int rowA, int rowB);
    /// What the paired-test panel shows (rich text).
    QString pairedText() const;

private:
    void chooseExportFile();
    void updatePairedTest();

    ResultsModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_paired;
};

} // namespace rnr
