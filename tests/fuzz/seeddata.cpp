#include "seeddata.h"

#include "data/demo.h"
#include "data/split.h"

namespace rnr::fuzz {

Dataset seedDataset()
{
    DemoConfig config;
    config.users = 24;
    config.items = 16;
    config.factors = 2;
    config.minPerUser = 5;
    config.meanPerUser = 7;
    config.seed = 7;
    return filterMinInteractions(generateDemo(config));
}

} // namespace rnr::fuzz
