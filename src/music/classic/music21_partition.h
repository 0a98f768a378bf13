// instrument.partitionByInstrument as the seed used it: every part is
// flattened, each instrument is stretched to the next one, and the elements
// under the first instrument *name* met in the score, from all parts, are
// gathered into one part. The seed tokenises only that part.
#pragma once

#include <vector>

#include "music/classic/music21_import.h"

namespace lofi::m21 {

struct PartitionedElement {
  QuarterLength offset;
  const Element* element = nullptr;
};

// partitionByInstrument(score).parts[0].recurse(), notes, chords and rests
// in the seed's order. When no part has an instrument music21 returns the
// score of flattened parts unpartitioned, and the seed reads its first part.
std::vector<PartitionedElement> seedElements(const ImportedScore& score);

}  // namespace lofi::m21
