#pragma once

#include "train/experiment.h"

#include <QJsonObject>

namespace rnr::cli {

/// The JSON object of one run (README, "JSON results"): model, ranker, rater, coupling, seed,
/// config, epochs (seconds and losses), validation and test metrics, chosen grid point.
QJsonObject runToJson(const RunResult& run, const std::vector<GridPoint>& grid = {});
QJsonObject metricsToJson(const Metrics& metrics);

} // namespace rnr::cli
