#!/usr/bin/env bash
# Times the content pipeline (check, and build into a scratch folder) over several runs
# and prints min / median / max wall seconds. Usage: scripts/bench.sh [runs]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
cargo build --quiet --locked --release -p content-cli
cli=target/release/content-cli
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT

bench() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N)
    times+=("$(awk -v a="$start" -v b="$end" 'BEGIN { print b - a }')")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" -v n="$runs" '
    { t[NR] = $1 } END { printf "%-28s min %.4f s  median %.4f s  max %.4f s  (%d runs)\n", name, t[1], t[int((n + 1) / 2)], t[n], n }'
}

pages=$(find content -name '*.md' | wc -l)
echo "content: $pages Markdown files, $(du -sh content | cut -f1)"
bench "content-cli check content" "$cli" check content
bench "content-cli build content" "$cli" build content --out "$out/content"
bench "content-cli i18n i18n" "$cli" i18n i18n --out "$out/i18n"
