#pragma once

// Tests that touch QSettings (recent files, preferences) keep them in a temporary folder, so
// that they neither read nor change the user's own settings.

#include <QSettings>
#include <QTemporaryDir>

namespace fixtures {

/// Owns a temporary settings folder; QSettings() writes INI files there while it lives.
class IsolatedSettings
{
public:
    IsolatedSettings()
    {
        QSettings::setDefaultFormat(QSettings::IniFormat);
        QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir.path());
    }
    bool isValid() const { return m_dir.isValid(); }

private:
    QTemporaryDir m_dir;
};

} // namespace fixtures
