#include "dialogs/preferencesdialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QSettings>
#include <QSpinBox>
#include <QThread>
#include <QVBoxLayout>

namespace rnr {

Preferences Preferences::load()
{
    QSettings settings;
    Preferences p;
    p.language = settings.value(QStringLiteral("language"), QString()).toString();
    p.scheme = settings.value(QStringLiteral("colourScheme"), QString()).toString();
    if (p.scheme != QLatin1String("light") && p.scheme != QLatin1String("dark"))
        p.scheme.clear();
    p.threads = std::clamp(settings.value(QStringLiteral("threads"), 1).toInt(), 1, 256);
    p.epochs = std::clamp(settings.value(QStringLiteral("epochs"), 20).toInt(), 1, 100000);
    return p;
}

void Preferences::save() const
{
    QSettings settings;
    settings.setValue(QStringLiteral("language"), language);
    settings.setValue(QStringLiteral("colourScheme"), scheme);
    settings.setValue(QStringLiteral("threads"), threads);
    settings.setValue(QStringLiteral("epochs"), epochs);
}

QString Preferences::effectiveLanguage() const
{
    return language.isEmpty() ? QLocale::system().name() : language;
}

PreferencesDialog::PreferencesDialog(const Preferences& current, QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_scheme(new QComboBox(this)), m_threads(new QSpinBox(this)),
      m_epochs(new QSpinBox(this))
{
    setWindowTitle(tr("Preferences"));
    setMinimumWidth(420);
    // Each language is named in itself, so that anyone can find their own.
    // The C locale (and some minimal systems) name no language: then "System default" alone.
    const QString system = QLocale::system().nativeLanguageName();
    m_language->addItem(system.isEmpty() ? tr("System default") : tr("System default (%1)").arg(system), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    m_scheme->addItem(tr("System"), QString());
    m_scheme->addItem(tr("Light"), QStringLiteral("light"));
    m_scheme->addItem(tr("Dark"), QStringLiteral("dark"));
    m_scheme->setCurrentIndex(std::max(0, m_scheme->findData(current.scheme)));
    m_scheme->setToolTip(tr("The colours of the window, the tables and the plots; applies at once."));
    m_threads->setRange(1, std::max(1, QThread::idealThreadCount()));
    m_threads->setValue(std::min(current.threads, m_threads->maximum()));
    m_threads->setToolTip(tr("Threads for training and evaluation. Training on every core keeps the window "
                             "responsive: the engine runs at a lower priority."));
    m_epochs->setRange(1, 1000);
    m_epochs->setValue(current.epochs);
    auto* form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(tr("&Colours:"), m_scheme);
    form->addRow(tr("Training &threads:"), m_threads);
    form->addRow(tr("Default &epochs:"), m_epochs);
    auto* note = new QLabel(tr("A new language applies when RnR Explorer starts again."), this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
}

Preferences PreferencesDialog::preferences() const
{
    Preferences p;
    p.language = m_language->currentData().toString();
    p.scheme = m_scheme->currentData().toString();
    p.threads = m_threads->value();
    p.epochs = m_epochs->value();
    return p;
}

} // namespace rnr
