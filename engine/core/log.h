#pragma once

#include <functional>
#include <string>
#include <string_view>

namespace rnr {

enum class LogLevel
{
    Info,    ///< what happened: a file read or written, a run's start and end
    Warning, ///< something the user may want to act on: metadata missing, rows skipped
};

struct LogMessage
{
    LogLevel level = LogLevel::Info;
    std::string source; ///< the room that speaks: "io", "train", "persist"
    std::string text;
};

using LogSink = std::function<void(const LogMessage&)>;

/// Where the engine's messages go: nowhere until a program installs a sink (the desktop
/// application's log panel, the command line's stderr). One sink for the process; it is called
/// on the thread that logs (any engine thread), one message at a time, and must not log itself.
/// `owner` identifies who installed it: clearLogSink(owner) removes it only if it is still theirs.
void setLogSink(LogSink sink, const void* owner = nullptr);
void clearLogSink(const void* owner = nullptr);

void log(LogLevel level, std::string_view source, std::string text);
inline void logInfo(std::string_view source, std::string text)
{
    log(LogLevel::Info, source, std::move(text));
}
inline void logWarning(std::string_view source, std::string text)
{
    log(LogLevel::Warning, source, std::move(text));
}

std::string_view logLevelName(LogLevel level);

} // namespace rnr
