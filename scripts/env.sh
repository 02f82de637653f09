# Shared settings for the build scripts (sourced, not run).
ICU_VERSION=72.1
ICU_MAJOR=72
ICU_DEBIAN_VERSION=72.1-3+deb12u1
# Flags every ICU object for wasm is compiled with; they are part of the cache key.
ICU_WASM_CXXFLAGS="-O2 -std=c++17 -fwasm-exceptions"
cache_root=${ARTICLE_ANALYZER_CACHE:-${XDG_CACHE_HOME:-${HOME:-/root}/.cache}/article-analyzer}
ICU_SRC_CACHE="$cache_root/src"
ICU_WASM_DIR="$cache_root/icu-$ICU_VERSION-wasm-$(printf '%s' "$ICU_WASM_CXXFLAGS" | md5sum | cut -c1-10)"
# Debian's Emscripten needs Debian's acorn on NODE_PATH (TOOLCHAIN.md, trap 1).
if [ -d /usr/share/nodejs/acorn ]; then export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}; fi
export ICU_VERSION ICU_MAJOR ICU_WASM_DIR ICU_WASM_CXXFLAGS
