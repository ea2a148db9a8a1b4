#include "output.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QSaveFile>

#include <cmath>
#include <stdexcept>

namespace rnr::cli {

namespace {
QString tr(const char* text)
{
    return QCoreApplication::translate("rnr::cli::output", text);
}
QString fixed(double v, int decimals)
{
    return std::isfinite(v) ? QString::number(v, 'f', decimals) : QStringLiteral("-");
}
} // namespace

QString formatMetrics(const Metrics& m)
{
    QString text = tr("recall@%1 %2, mrr@%1 %3, ndcg@%1 %4, rmse %5, mae %6, like@%1 %7, like auc %8")
                       .arg(m.k)
                       .arg(fixed(m.recall, 4), fixed(m.mrr, 4), fixed(m.ndcg, 4), fixed(m.rmse, 3), fixed(m.mae, 3),
                            fixed(m.likeRecall, 4), fixed(m.likeAuc, 4));
    if (std::isfinite(m.likeLogLoss)) // only a like head has one
        text += tr(", like log loss %1").arg(fixed(m.likeLogLoss, 4));
    return text;
}

QString formatEpoch(const EpochRecord& e, const HyperParams& hp)
{
    QString line =
        tr("epoch %1/%2: loss %3 (R %4, P %5, reg %6)")
            .arg(e.epoch)
            .arg(hp.epochs)
            .arg(fixed(e.objective, 4), fixed(e.rankingLoss, 4), fixed(e.ratingLoss, 4), fixed(e.regularisation, 4));
    if (e.validation)
        line += tr("  validation %1").arg(formatMetrics(*e.validation));
    line += tr("  %1 s, %2k samples/s").arg(fixed(e.seconds, 2), fixed(e.samplesPerSecond / 1000.0, 0));
    return line;
}

void writeText(const QString& path, const QString& text)
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(text.toUtf8()) < 0 || !file.commit())
        throw std::runtime_error(QStringLiteral("%1: cannot write: %2").arg(path, file.errorString()).toStdString());
}

void writeJson(const QString& path, const QJsonArray& array)
{
    writeText(path, QString::fromUtf8(QJsonDocument(array).toJson(QJsonDocument::Indented)));
}

} // namespace rnr::cli
