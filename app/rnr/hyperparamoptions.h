#pragma once

#include "model/hyperparams.h"

#include <QCommandLineParser>
#include <vector>

namespace rnr::cli {

/// One command-line flag per hyper-parameter, generated from rnr::hyperParamInfo(): the
/// names, help texts and ranges are the engine's, not copies.
class HyperParamOptions
{
public:
    void addTo(QCommandLineParser& parser);
    /// Applies the flags that were given on top of `defaults`; throws UsageError on bad values.
    HyperParams apply(const QCommandLineParser& parser, HyperParams defaults) const;
    bool isSet(const QCommandLineParser& parser, const QString& key) const;
    /// The flags that were given, as givenOptions() words, without the keys in `leaveOut`.
    QStringList given(const QCommandLineParser& parser, const QStringList& leaveOut) const;

private:
    std::vector<QCommandLineOption> m_options;
};

} // namespace rnr::cli
