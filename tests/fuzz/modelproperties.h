#pragma once

// What a model read from a file must allow (docs/testing.md, "Fuzzing"): every use the
// application makes of it stays inside its parameters. AddressSanitizer checks the reads; the
// shapes are checked here.

#include "model/model.h"

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace rnr::fuzz {

/// Scores and predicts for the first and last user, reads the vectors the views show.
void exerciseModel(const Model& model);

/// The target of an engine container (checkpoint, session, run file): the input is written as
/// `name` twice, as it is and withValidChecksums(); `open` reads the file and checks what it
/// opened. Each read either returns or throws a DataError naming the file (line 0, a cause);
/// anything else is violated(). `what` names the kind in messages ("checkpoint").
void checkContainerInput(const std::uint8_t* data, std::size_t size, const std::string& name, const std::string& what,
                         const std::function<void(const std::string& path)>& open);

} // namespace rnr::fuzz
