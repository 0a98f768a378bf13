// Writing a corpus of composed pieces to a folder: piece-0001.mid,
// piece-0002.mid... each written atomically, each the same for a given seed
// however many pieces are asked for.
#pragma once

#include <cstdint>
#include <functional>
#include <string>

namespace lofi::composer {

inline constexpr int kMaxCorpusSongs = 1'000'000;

struct CorpusOptions {
  int songs = 100;
  std::uint64_t seed = 1;
  std::string outDir;
  int threads = 1;  // pieces are independent, so they may be written in parallel
};

// "piece-0001.mid" for index 0; more digits once past 9999.
std::string pieceFileName(int index);

// Creates the folder if needed and writes every piece. Throws
// std::invalid_argument for a bad count or folder, std::runtime_error naming
// the file if one cannot be written. `progress` (optional) hears the number
// of pieces written so far, from the writing threads.
void writeCorpus(const CorpusOptions& options, const std::function<void(int)>& progress = {});

}  // namespace lofi::composer
