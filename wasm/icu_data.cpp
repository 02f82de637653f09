// Registers the embedded ICU data subset before any ICU call (the wasm build has no data file to open).
#include <unicode/udata.h>

#include <cstddef>

extern const unsigned char kIcuCommonData[];
extern const std::size_t kIcuCommonDataSize;

namespace {
const bool kIcuDataRegistered = [] {
  UErrorCode status = U_ZERO_ERROR;
  udata_setCommonData(kIcuCommonData, &status);
  return U_SUCCESS(status);
}();
}  // namespace
