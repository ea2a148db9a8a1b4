#pragma once

// Small trained models on a small demo data set, shared by the engine, widget and app tests.

#include "data/demo.h"
#include "train/experiment.h"

#include <memory>

namespace fixtures {

/// A filtered demo data set with the given users and items (10+ ratings each, ~25 on average).
inline std::shared_ptr<const rnr::Dataset> smallDemo(std::uint32_t users, std::uint32_t items)
{
    rnr::DemoConfig config;
    config.users = users;
    config.items = items;
    config.minPerUser = 10;
    config.meanPerUser = 25;
    return std::make_shared<const rnr::Dataset>(rnr::filterMinInteractions(rnr::generateDemo(config)));
}

/// The hyper-parameters of trainedRun(): d = 8, the given epochs and alpha, the rest defaults.
inline rnr::HyperParams smallHyperParams(std::uint32_t epochs, double alpha = 0.9)
{
    rnr::HyperParams hp;
    hp.dim = 8;
    hp.epochs = epochs;
    hp.alpha = alpha;
    return hp;
}

/// Trains a model with hp on the default split of data: the whole result, model included.
inline rnr::RunResult trainedRun(const rnr::Dataset& data, const char* model, const rnr::HyperParams& hp)
{
    const rnr::Split split = rnr::makeSplit(data, rnr::SplitConfig{});
    return rnr::runExperiment(data, split, rnr::parseModelSpec(model), hp);
}

/// Trains a model (d = 8) on the default split of data: the whole result, model included.
inline rnr::RunResult trainedRun(const rnr::Dataset& data, const char* model, std::uint32_t epochs, double alpha = 0.9)
{
    return trainedRun(data, model, smallHyperParams(epochs, alpha));
}

/// The kept model of trainedRun().
inline std::shared_ptr<const rnr::Model> trained(const rnr::Dataset& data, const char* model, std::uint32_t epochs,
                                                 double alpha = 0.9)
{
    return trainedRun(data, model, epochs, alpha).model;
}

} // namespace fixtures
