#include "panels/logpanel.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTime>
#include <QVBoxLayout>

namespace rnr {

LogPanel::LogPanel(QWidget* parent) : QWidget(parent), m_text(new QPlainTextEdit(this))
{
    m_text->setReadOnly(true);
    m_text->setMaximumBlockCount(kMaxLines);
    m_text->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_text->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_text->setPlaceholderText(tr("Messages of the engine appear here: files read and written, runs started and "
                                  "finished, warnings."));
    auto* clearButton = new QPushButton(tr("C&lear"), this);
    connect(clearButton, &QPushButton::clicked, this, &LogPanel::clear);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(clearButton);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_text);
    layout->addLayout(buttons);
}

void LogPanel::append(const LogMessage& message)
{
    const bool warning = message.level == LogLevel::Warning;
    const QString text = QString::fromStdString(message.text);
    m_text->appendPlainText(QStringLiteral("%1  %2  %3: %4")
                                .arg(QTime::currentTime().toString(QStringLiteral("HH:mm:ss")),
                                     warning ? tr("warning") : tr("info"), QString::fromStdString(message.source),
                                     text));
    if (warning)
        Q_EMIT warned(text);
}

void LogPanel::clear()
{
    m_text->clear();
}

QString LogPanel::text() const
{
    return m_text->toPlainText();
}

int LogPanel::lineCount() const
{
    return m_text->document()->isEmpty() ? 0 : m_text->document()->blockCount();
}

} // namespace rnr
