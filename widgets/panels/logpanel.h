#pragma once

#include "core/log.h"

#include <QWidget>

class QPlainTextEdit;

namespace rnr {

/// The engine's messages (files read and written, runs started and finished, warnings), newest
/// last, one line each with the time, the level and the room that spoke. Keeps the last
/// kMaxLines lines.
class LogPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int kMaxLines = 5000;

    explicit LogPanel(QWidget* parent = nullptr);

    void append(const LogMessage& message);
    void clear();
    QString text() const;
    int lineCount() const;

Q_SIGNALS:
    /// A warning arrived (the window may point the user at the panel).
    void warned(const QString& text);

private:
    QPlainTextEdit* m_text;
};

} // namespace rnr
