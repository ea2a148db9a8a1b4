#pragma once

#include "io/loader.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QTableWidget;

namespace rnr {

/// Which column of a generic delimited file holds the user, the item, the rating and the time:
/// the delimiter and header as detected, the loader's guesses preselected, the first rows
/// shown with the chosen columns named in the header. OK stays disabled until the user and
/// item columns are set and different.
class CsvMappingDialog : public QDialog
{
    Q_OBJECT

public:
    explicit CsvMappingDialog(const QString& file, QWidget* parent = nullptr);

    /// The mapping as chosen (columns by 0-based index).
    CsvMapping mapping() const;
    /// True when the chosen mapping can be loaded.
    bool isAcceptable() const;
    /// Why not, when it cannot ("" otherwise).
    QString problem() const { return m_problem; }

    QComboBox* delimiterBox() const { return m_delimiter; }
    QCheckBox* headerBox() const { return m_header; }
    QComboBox* columnBox(int role) const { return m_columns[role]; }
    QTableWidget* previewTable() const { return m_preview; }

    enum Role
    {
        User,
        Item,
        Rating,
        Time,
        RoleCount
    };

private:
    void reload();
    void fillColumns(const CsvPreview& preview);
    void check();
    /// A column's header name, or "column N" (translated) when the file has no header.
    static QString columnName(const CsvPreview& preview, std::size_t column);

    QString m_file;
    QComboBox* m_delimiter;
    QCheckBox* m_header;
    QComboBox* m_columns[RoleCount];
    QTableWidget* m_preview;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QString m_problem;
    CsvPreview m_current;
};

} // namespace rnr
