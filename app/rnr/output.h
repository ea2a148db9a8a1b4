#pragma once

#include "train/trainer.h"

#include <QJsonArray>
#include <QString>

namespace rnr::cli {

/// "epoch 3: loss 0.512 (R 0.40, P 0.92, reg 0.010)  validation recall@10 0.0710 ...  1.2 s, 83k/s"
QString formatEpoch(const EpochRecord& epoch, const HyperParams& hp);
/// "recall@10 0.0710, mrr@10 0.0231, ndcg@10 0.0345, rmse 0.912, mae 0.711"
QString formatMetrics(const Metrics& metrics);
/// Writes JSON atomically (QSaveFile); throws std::runtime_error naming the file on failure.
void writeJson(const QString& path, const QJsonArray& array);
/// Writes text atomically; throws std::runtime_error naming the file on failure.
void writeText(const QString& path, const QString& text);

} // namespace rnr::cli
