#include "hyperparamoptions.h"

#include "cli.h"

#include "core/errors.h"

#include <QCoreApplication>

namespace rnr::cli {

void HyperParamOptions::addTo(QCommandLineParser& parser)
{
    const HyperParams defaults;
    for (const auto& info : hyperParamInfo()) {
        QString help = QString::fromStdString(info.help);
        help += QCoreApplication::translate("rnr::cli::HyperParamOptions", " (default %1)")
                    .arg(QString::fromStdString(info.get(defaults)));
        QCommandLineOption option(QString::fromStdString(info.key), help, QStringLiteral("value"));
        m_options.push_back(option);
        parser.addOption(option);
    }
}

bool HyperParamOptions::isSet(const QCommandLineParser& parser, const QString& key) const
{
    for (const auto& option : m_options)
        if (option.names().first() == key)
            return parser.isSet(option);
    return false;
}

QStringList HyperParamOptions::given(const QCommandLineParser& parser, const QStringList& leaveOut) const
{
    return givenOptions(parser, QList<QCommandLineOption>(m_options.begin(), m_options.end()), leaveOut);
}

HyperParams HyperParamOptions::apply(const QCommandLineParser& parser, HyperParams params) const
{
    for (const auto& option : m_options) {
        if (!parser.isSet(option))
            continue;
        const QString key = option.names().first();
        const HyperParamInfo* info = findHyperParam(key.toStdString());
        const std::string error = info->set(params, parser.value(option).toStdString());
        if (!error.empty())
            throw UsageError("--" + key.toStdString() + ": " + error);
    }
    return params;
}

} // namespace rnr::cli
