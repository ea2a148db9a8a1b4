#pragma once

#include <QDialog>
#include <QString>

class QComboBox;
class QSpinBox;

namespace rnr {

/// What the user sets once: the interface language, the colour scheme, the training threads and
/// the default number of epochs. Kept in QSettings; load() and save() are separate from the dialog so that
/// the application can apply them at start.
struct Preferences
{
    QString language; ///< "" = follow the system locale, else a locale name ("en", "de", "zh_CN")
    QString scheme;   ///< colour scheme: "" = the system's, "light" or "dark" (dialogs/colourscheme.h)
    int threads = 1;  ///< training and evaluation threads
    int epochs = 20;  ///< default epochs of a new experiment

    static Preferences load();
    void save() const;
    /// The locale whose translation to load (the system's when language is "").
    QString effectiveLanguage() const;
};

/// Edits the preferences. A new language applies when the program starts again (the dialog
/// says so); the colour scheme at once; threads and epochs to the experiment panel at once.
class PreferencesDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PreferencesDialog(const Preferences& current, QWidget* parent = nullptr);
    Preferences preferences() const;

    QComboBox* languageBox() const { return m_language; }
    QComboBox* schemeBox() const { return m_scheme; }
    QSpinBox* threadsBox() const { return m_threads; }
    QSpinBox* epochsBox() const { return m_epochs; }

private:
    QComboBox* m_language;
    QComboBox* m_scheme;
    QSpinBox* m_threads;
    QSpinBox* m_epochs;
};

} // namespace rnr
