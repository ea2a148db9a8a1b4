#include "modelproperties.h"

#include "core/errors.h"
#include "fuzzinput.h"

#include <algorithm>

namespace rnr::fuzz {

void exerciseModel(const Model& model)
{
    const std::uint32_t users = model.userCount(), items = model.itemCount();
    const UserItems& history = model.history();
    require(history.userCount() == users && history.itemCount == items,
            "a model whose history is not one list per user over its items");
    require(history.offsets.front() == 0 && history.offsets.back() == history.items.size() &&
                std::is_sorted(history.offsets.begin(), history.offsets.end()),
            "a model whose history's offsets do not cover its items");
    for (std::uint32_t item : history.items)
        require(item < items, "a model whose history holds an item it does not have");
    if (users == 0 || items == 0)
        return;
    const std::vector<std::uint32_t> some{0, users - 1};
    RowMatrix<float> scores;
    model.rankingScores(some, scores);
    require(scores.rows() == 2 && scores.cols() == items, "ranking scores of the wrong shape");
    if (model.hasLikeHead()) {
        model.likeScores(some, scores);
        require(scores.rows() == 2 && scores.cols() == items, "like scores of the wrong shape");
    }
    (void)model.predictRating(users - 1, items - 1);
    (void)model.ratingItemVectors();
    (void)model.ratingUserVectors();
    (void)model.rankingItemVectors();
}

void checkContainerInput(const std::uint8_t* data, std::size_t size, const std::string& name, const std::string& what,
                         const std::function<void(const std::string& path)>& open)
{
    const std::string_view input(reinterpret_cast<const char*>(data), size);
    for (const std::string& bytes : {std::string(input), withValidChecksums(input)}) {
        const std::string path = scratch().write(name, bytes);
        try {
            open(path);
        } catch (const DataError& error) {
            require(error.file() == path && error.line() == 0 && !error.cause().empty(),
                    "a " + what + " refused without naming the file: " + error.what());
        } catch (const std::exception& other) {
            violated("a " + what + " threw something other than a DataError: " + other.what());
        }
    }
}

} // namespace rnr::fuzz
