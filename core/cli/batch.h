// Batch mode of the CLI (`article-analyzer --jsonl [--jobs N]`): an archive as JSON Lines in, one result line
// per input line out, in input order, analysed on N threads over the one copy of the word list and model the
// process loaded.
#pragma once

#include <iosfwd>

#include "article/analyzer.h"

namespace article_cli {

struct BatchOptions {
  article::Options analysis;  // the same for every line
  int jobs = 1;               // analysing threads
  bool progress = true;       // a progress line on stderr
};

// Reads lines `{"id": …, "text": …, …}` from `in` and writes to `out`, for each line in order, the line's own
// fields but `text` followed by `"analysis": <the document>`, or, for a line that is not such an object, its
// fields (if any) with `"line": N, "error": {"code", "message"}`. A bad line never stops the run. At most
// a few lines per thread are in memory at once. Returns 0, or 1 if the output could not be written.
int run_batch(std::istream& in, std::ostream& out, const BatchOptions& options);

}  // namespace article_cli
