#!/usr/bin/env bash
# One-time (idempotent) set-up for a fresh Debian 12 machine, run as root by `npm start` / `npm test`.
#   1. Debian packages: compilers (g++, and clang with its sanitizer runtimes for fuzzing), ICU, nlohmann/json,
#      Catch2, Emscripten, Chromium.
#   2. npm packages (playwright-core drives Debian's Chromium in the browser tests).
#   3. ICU compiled to WebAssembly from Debian's own ICU source, cached outside the clone.
# Quiet when everything is already present. See ../shared/TOOLCHAIN.md for why each step looks as it does.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/env.sh
. "$root/scripts/env.sh"

log() { printf '[setup] %s\n' "$*" >&2; }

# --- 1. Debian packages -------------------------------------------------------------------------
packages=(cmake make g++ clang libclang-rt-14-dev pkg-config libicu-dev icu-devtools nlohmann-json3-dev catch2 emscripten
          chromium dpkg-dev xz-utils python3-distributed)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  log "installing Debian packages: ${missing[*]}"
  sudo=""; [ "$(id -u)" = 0 ] || sudo="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# --- 2. npm packages ----------------------------------------------------------------------------
if [ ! -d "$root/node_modules/playwright-core" ]; then
  log "installing npm packages"
  (cd "$root" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
fi

# --- 3. ICU for WebAssembly ---------------------------------------------------------------------
# The cache key holds the ICU version and every flag that changes the objects, so a flag change rebuilds.
if [ ! -f "$ICU_WASM_DIR/lib/libicu.a" ]; then
  log "building ICU $ICU_VERSION for WebAssembly into $ICU_WASM_DIR (about 6 minutes on 2 cores, once)"
  work=$(mktemp -d)
  trap 'rm -rf "$work"' EXIT
  if [ ! -f "$ICU_SRC_CACHE/icu_${ICU_VERSION}.orig.tar.gz" ]; then
    # apt-get source needs a deb-src entry; mirror the machine's own deb entries.
    if ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
      if [ -f /etc/apt/sources.list.d/debian.sources ]; then
        sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources \
          > /etc/apt/sources.list.d/article-analyzer-src.sources
      else
        grep '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/article-analyzer-src.list
      fi
      apt-get update -qq
    fi
    mkdir -p "$ICU_SRC_CACHE"
    (cd "$work" && apt-get source -qq --download-only "icu=${ICU_DEBIAN_VERSION}" >/dev/null 2>&1 \
       || apt-get source -qq --download-only icu >/dev/null)
    cp "$work"/icu_"${ICU_VERSION}".orig.tar.gz "$ICU_SRC_CACHE/"
  fi
  tar -xzf "$ICU_SRC_CACHE/icu_${ICU_VERSION}.orig.tar.gz" -C "$work"
  src="$work/icu/source"
  mkdir -p "$work/obj"
  # Every object is compiled with the same exception model as the core (see wasm/CMakeLists.txt).
  compile() {
    local f=$1 o
    o="$work/obj/$(echo "${f#"$src"/}" | tr '/' '_').o"
    em++ $ICU_WASM_CXXFLAGS -DU_STATIC_IMPLEMENTATION -DU_COMMON_IMPLEMENTATION -DU_I18N_IMPLEMENTATION \
      -I "$src/common" -I "$src/i18n" -c "$f" -o "$o"
  }
  export -f compile; export src work ICU_WASM_CXXFLAGS
  find "$src/common" "$src/i18n" -maxdepth 1 -name '*.cpp' -print0 | sort -z \
    | xargs -0 -P "$(nproc)" -n 8 bash -c 'for f; do compile "$f"; done' _
  compile "$src/stubdata/stubdata.cpp"
  rm -rf "$ICU_WASM_DIR.tmp" && mkdir -p "$ICU_WASM_DIR.tmp/lib" "$ICU_WASM_DIR.tmp/include" "$ICU_WASM_DIR.tmp/data"
  emar rcs "$ICU_WASM_DIR.tmp/lib/libicu.a" "$work"/obj/*.o
  cp -r "$src/common/unicode" "$ICU_WASM_DIR.tmp/include/"
  cp -r "$src/i18n/unicode/." "$ICU_WASM_DIR.tmp/include/unicode/"
  cp "$src/data/in/icudt${ICU_MAJOR}l.dat" "$ICU_WASM_DIR.tmp/data/"
  rm -rf "$ICU_WASM_DIR" && mv "$ICU_WASM_DIR.tmp" "$ICU_WASM_DIR"
  log "ICU for WebAssembly ready"
fi
