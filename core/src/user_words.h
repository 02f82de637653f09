// A newsroom's own words and names (Options::words): where they occur in the document, as one word each in
// the segmentation, and as entities when they carry a type.
#pragma once

#include <vector>

#include "pipeline.h"

namespace article::internal {

// Where each user word occurs: tokens [begin, end) of one sentence, leftmost and longest first, never
// overlapping. A word matches case-insensitively, piece for piece: each piece of its text between spaces is
// the text of adjacent tokens ("covid-19" is three), and the pieces are one space apart in the document.
// Time: one lookup per token, plus the candidates that start with its form.
std::vector<UserWordMatch> match_user_words(const Doc& doc);

// Makes each match one word of the segmentation: the words it overlaps are cut at its edges.
void segment_user_words(const Doc& doc, Words& words);

}  // namespace article::internal
