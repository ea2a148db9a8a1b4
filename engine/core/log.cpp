#include "core/log.h"

#include <mutex>

namespace rnr {

namespace {

struct Installed
{
    std::mutex mutex;
    LogSink sink;
    const void* owner = nullptr;
};

Installed& installed()
{
    static Installed instance;
    return instance;
}

} // namespace

void setLogSink(LogSink sink, const void* owner)
{
    Installed& i = installed();
    const std::lock_guard lock(i.mutex);
    i.sink = std::move(sink);
    i.owner = owner;
}

void clearLogSink(const void* owner)
{
    Installed& i = installed();
    const std::lock_guard lock(i.mutex);
    if (i.owner == owner) {
        i.sink = nullptr;
        i.owner = nullptr;
    }
}

void log(LogLevel level, std::string_view source, std::string text)
{
    Installed& i = installed();
    const std::lock_guard lock(i.mutex); // after clearLogSink() returns, no call to the old sink runs
    if (i.sink)
        i.sink(LogMessage{level, std::string(source), std::move(text)});
}

std::string_view logLevelName(LogLevel level)
{
    return level == LogLevel::Warning ? "warning" : "info";
}

} // namespace rnr
