// The kinds (analyzer.h's enums) as Catch2 prints them in a failed check: by their JSON names.
#pragma once

#include <ostream>

#include "article/analyzer.h"

namespace article {

inline std::ostream& operator<<(std::ostream& os, BlockType t) { return os << json_name(t); }
inline std::ostream& operator<<(std::ostream& os, TokenKind k) { return os << json_name(k); }
inline std::ostream& operator<<(std::ostream& os, EntityType t) { return os << json_name(t); }
inline std::ostream& operator<<(std::ostream& os, QuoteKind k) { return os << json_name(k); }

}  // namespace article
