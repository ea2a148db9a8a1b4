#pragma once

#include <QObject>
#include <QString>

namespace rnr {

class MainWindow;

/// `rnr-explorer --tour DIR`: a scripted session without a user — the demo data, RnR and
/// vanilla trained for a few epochs, a user looked up — then a PNG of every view in DIR and
/// quit. Used to keep packaging/screenshots current and to look at every view by eye.
class Tour : public QObject
{
    Q_OBJECT

public:
    Tour(MainWindow& window, QString directory, int epochs = 5);
    /// Starts the session; finished() follows when every screenshot is written.
    void start();

Q_SIGNALS:
    void finished(bool ok, const QString& message);

private:
    void capture();
    void shoot(); ///< the screenshots, once the views have their runs

    MainWindow& m_window;
    QString m_directory;
    int m_epochs;
};

} // namespace rnr
