// Bytes of a text file → UTF-8, with ICU converters (windows-1258 and windows-1252 are in the wasm build's
// ICU data subset: wasm/icu-data.lst). Editors drop files saved by Notepad (UTF-16 with BOM), by old
// Vietnamese software (Windows-1258, with tone marks as combining characters) or by anything else.
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/ucnv.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <memory>

#include "article/analyzer.h"
#include "pipeline.h"
#include "text.h"

namespace article {

namespace {

bool convert(std::string_view bytes, const char* converter, std::u16string& out) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<UConverter, void (*)(UConverter*)> conv(ucnv_open(converter, &status), ucnv_close);
  if (U_FAILURE(status)) return false;
  out.resize(bytes.size() * 2 + 16);
  const int32_t n = ucnv_toUChars(conv.get(), reinterpret_cast<UChar*>(out.data()), static_cast<int32_t>(out.size()),
                                  bytes.data(), static_cast<int32_t>(bytes.size()), &status);
  if (U_FAILURE(status)) return false;
  out.resize(static_cast<std::size_t>(n));
  return true;
}

std::string nfc_utf8(const std::u16string& s) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  if (U_FAILURE(status)) return internal::to_utf8(s);
  const icu::UnicodeString normalized =
      nfc->normalize(icu::UnicodeString(false, s.data(), static_cast<int32_t>(s.size())), status);
  std::string out;
  if (U_FAILURE(status)) return internal::to_utf8(s);
  normalized.toUTF8String(out);
  return out;
}

// Share of letters followed by a Vietnamese tone mark. Windows-1258 writes tones as combining marks
// (U+0300 grave, U+0301 acute, U+0303 tilde, U+0309 hook above, U+0323 dot below), which Vietnamese puts
// on most syllables; text in other 8-bit encodings read as 1258 almost never shows them, even where it
// shares letters such as â, ê or ã (ă in 1258).
double tone_mark_share(const std::u16string& s) {
  std::size_t letters = 0, tones = 0;
  for (char16_t c : s) {
    if (u_isalpha(c)) ++letters;
    if (c == 0x0300 || c == 0x0301 || c == 0x0303 || c == 0x0309 || c == 0x0323) ++tones;
  }
  return letters == 0 ? 0.0 : static_cast<double>(tones) / static_cast<double>(letters);
}

// UTF-8 with a few bad bytes (a file cut mid-character, a stray byte): the invalid sequences are rare next
// to the valid multi-byte ones.
bool mostly_utf8(std::string_view bytes) {
  std::size_t valid_multibyte = 0, invalid = 0;
  for (std::size_t i = 0; i < bytes.size();) {
    const auto b = static_cast<unsigned char>(bytes[i]);
    if (b < 0x80) {
      ++i;
      continue;
    }
    const int len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
    bool ok = len > 0 && i + static_cast<std::size_t>(len) <= bytes.size();
    for (int k = 1; ok && k < len; ++k) ok = (static_cast<unsigned char>(bytes[i + k]) & 0xC0) == 0x80;
    if (ok) {
      ++valid_multibyte;
      i += static_cast<std::size_t>(len);
    } else {
      ++invalid;  // one error for the broken sequence and its continuation bytes
      ++i;
      while (i < bytes.size() && (static_cast<unsigned char>(bytes[i]) & 0xC0) == 0x80) ++i;
    }
  }
  return valid_multibyte >= 4 && invalid <= std::max<std::size_t>(1, valid_multibyte / 50);
}

// UTF-16 saved without a byte-order mark: text in Latin script has a zero high byte in most code units,
// so one byte position is mostly zero. Returns "utf-16le", "utf-16be" or "auto" (not UTF-16).
std::string utf16_without_bom(std::string_view bytes) {
  if (bytes.size() < 4) return "auto";  // an odd final byte (a truncated file) is left to the converter
  std::size_t even_zero = 0, odd_zero = 0;
  const std::size_t n = std::min<std::size_t>(bytes.size(), 4096);
  for (std::size_t i = 0; i + 1 < n; i += 2) {
    even_zero += bytes[i] == 0;
    odd_zero += bytes[i + 1] == 0;
  }
  const std::size_t units = n / 2;
  if (odd_zero * 10 >= units * 3 && even_zero * 20 < units) return "utf-16le";
  if (even_zero * 10 >= units * 3 && odd_zero * 20 < units) return "utf-16be";
  return "auto";
}

Decoded decode_text(std::string_view bytes, const std::string& requested) {
  Decoded d;
  try {
    auto bom = [&](std::initializer_list<unsigned char> b) {
      if (bytes.size() < b.size()) return false;
      std::size_t i = 0;
      for (unsigned char c : b)
        if (static_cast<unsigned char>(bytes[i++]) != c) return false;
      return true;
    };
    std::string encoding = requested.empty() ? "auto" : requested;
    if (encoding == "auto") {
      if (bom({0xEF, 0xBB, 0xBF}))
        encoding = "utf-8";
      else if (bom({0xFF, 0xFE}))
        encoding = "utf-16le";
      else if (bom({0xFE, 0xFF}))
        encoding = "utf-16be";
      else
        encoding = utf16_without_bom(bytes);
    }
    std::u16string text;
    if (encoding == "auto" || encoding == "utf-8") {
      std::string_view body = bom({0xEF, 0xBB, 0xBF}) ? bytes.substr(3) : bytes;
      std::size_t bad = 0;
      if (internal::decode_utf8(body, text, bad)) {
        d.ok = true;
        d.encoding = "utf-8";
        d.text.assign(body);
        return d;
      }
      if (encoding == "utf-8") {
        d.warnings.push_back({"invalid_utf8",
                              "The file is not valid UTF-8 (first invalid byte at offset " + std::to_string(bad) + ").",
                              std::nullopt});
        return d;
      }
      if (mostly_utf8(body)) {
        d.ok = true;
        d.encoding = "utf-8";
        d.text = internal::to_utf8(internal::decode_utf8_lossy(body));
        d.warnings.push_back({"invalid_utf8_replaced",
                              "The file is UTF-8 with a few invalid bytes (the first at offset " + std::to_string(bad) +
                                  "); they were replaced by U+FFFD.",
                              std::nullopt});
        return d;
      }
      // Not UTF-8: a legacy 8-bit encoding. Windows-1258 if that reads as Vietnamese.
      if (convert(bytes, "windows-1258", text) && tone_mark_share(text) >= 0.05) {
        d.ok = true;
        d.encoding = "windows-1258";
        d.text = nfc_utf8(text);
        return d;
      }
      if (convert(bytes, "windows-1252", text)) {
        d.ok = true;
        d.encoding = "windows-1252";
        d.text = nfc_utf8(text);
        d.warnings.push_back({"unknown_encoding",
                              "The file is neither UTF-8, UTF-16 nor Vietnamese Windows-1258; it was read as "
                              "Windows-1252 and may show wrong letters. Save it as UTF-8 and open it again.",
                              std::nullopt});
        return d;
      }
    } else {
      const char* converter = encoding == "utf-16le"       ? "UTF-16LE"
                              : encoding == "utf-16be"     ? "UTF-16BE"
                              : encoding == "windows-1258" ? "windows-1258"
                              : encoding == "windows-1252" ? "windows-1252"
                                                           : nullptr;
      std::string_view body = bytes;
      if ((encoding == "utf-16le" && bom({0xFF, 0xFE})) || (encoding == "utf-16be" && bom({0xFE, 0xFF})))
        body = bytes.substr(2);
      if (converter && convert(body, converter, text)) {
        d.ok = true;
        d.encoding = encoding;
        d.text = encoding.rfind("windows", 0) == 0 ? nfc_utf8(text) : internal::to_utf8(text);
        return d;
      }
    }
    d.warnings.push_back(
        {"unknown_encoding", "The file's encoding (" + encoding + ") could not be decoded.", std::nullopt});
  } catch (...) {
    d = Decoded{};
    d.warnings.push_back({"internal_error", "decoding failed", std::nullopt});
  }
  return d;
}

}  // namespace

Decoded decode(std::string_view bytes, const std::string& requested) {
  Decoded d = decode_text(bytes, requested);
  // By the rule analysis refuses binary input with (binary_input), so that a caller can say so at once.
  d.binary = d.ok && internal::is_binary(d.text);
  return d;
}

}  // namespace article
