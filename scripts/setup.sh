#!/usr/bin/env bash
# Installs every tool the build and the tests need, skipping what is already present.
# Versions come from ../shared/GUIDE.md: Trunk 0.22 needs a newer rustc, Debian's wasm-opt
# produces broken wasm for leptos 0.8, and Playwright must use the system Chromium because
# browser downloads cannot work here.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132

log() { printf '\033[1;34m[setup]\033[0m %s\n' "$*"; }

# rust-toolchain.toml pins the compiler. Where the machine's one toolchain is that version
# installed as `stable` (and no other can be downloaded), give it the pinned name too, so
# rustup uses it instead of trying to fetch it. Asked from `/`, outside the pin's reach.
pinned=$(sed -n 's/^channel *= *"\(.*\)"/\1/p' rust-toolchain.toml)
host=$(cd / && rustc -vV | sed -n 's/^host: //p')
toolchains="${RUSTUP_HOME:-$HOME/.rustup}/toolchains"
if [ ! -e "$toolchains/$pinned-$host" ] && (cd / && rustc --version) | grep -q "^rustc $pinned "; then
  log "naming the installed rustc $pinned as the pinned toolchain"
  ln -s "$(cd / && rustc --print sysroot)" "$toolchains/$pinned-$host"
fi

# Panic locations name source files: map the registry's absolute paths away so the wasm
# is the same, and as small, wherever it is built (the size budget is tight). Written as
# this machine's cargo configuration, which `cargo` and a plain `trunk build` read too.
cargo_home="${CARGO_HOME:-$HOME/.cargo}"
mkdir -p .cargo
cat > .cargo/config.toml.new <<CONFIG
# Written by scripts/setup.sh for this machine's paths; not committed.
[target.wasm32-unknown-unknown]
rustflags = ["--remap-path-prefix=$PWD/=", "--remap-path-prefix=$cargo_home/registry/src/="]
CONFIG
if cmp -s .cargo/config.toml.new .cargo/config.toml; then rm .cargo/config.toml.new; else mv .cargo/config.toml.new .cargo/config.toml; fi

need_apt=()
command -v chromium >/dev/null || need_apt+=(chromium)
command -v brotli >/dev/null || need_apt+=(brotli)
# A deployment's icons are drawn from its logo (scripts/icons.sh).
command -v rsvg-convert >/dev/null || need_apt+=(librsvg2-bin)
if [ ${#need_apt[@]} -gt 0 ]; then
  log "apt-get install ${need_apt[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO=sudo
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! cargo fmt --version >/dev/null 2>&1 || ! cargo clippy --version >/dev/null 2>&1; then
  log "rustup component add rustfmt clippy"
  rustup component add rustfmt clippy
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "rustup target add wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  log "cargo install trunk $TRUNK_VERSION (takes a few minutes once)"
  (cd / && cargo install trunk --version "$TRUNK_VERSION" --locked)
fi

# The CLI must match the wasm-bindgen crate in Cargo.lock exactly; --locked fails for it.
WB_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)
if ! wasm-bindgen --version 2>/dev/null | grep -q " $WB_VERSION"; then
  log "cargo install wasm-bindgen-cli $WB_VERSION"
  (cd / && cargo install wasm-bindgen-cli --version "$WB_VERSION" --force)
fi

if [ ! -x node_modules/.bin/playwright ] || [ ! -x node_modules/.bin/wasm-opt ] \
   || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "npm ci (Playwright, binaryen $BINARYEN_VERSION)"
  npm ci --no-audit --no-fund --loglevel=error
fi
log "tools ready"
