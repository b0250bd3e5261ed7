#!/usr/bin/env bash
# Times the content pipeline (check, and build into a scratch folder) over several runs
# and prints min / median / max wall seconds, then the checker over hostile pages of
# 10 KB, 100 KB and 1 MB: each shape should take about ten times longer per step, no more.
# Usage: scripts/bench.sh [runs]. BENCH_PROFILE=dev times a debug build (no release build).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
profile=${BENCH_PROFILE:-release}
cargo build --quiet --locked --profile "$profile" -p content-cli
cli=target/$([ "$profile" = dev ] && echo debug || echo "$profile")/content-cli
out=$(mktemp -d); trap 'rm -rf "$out"' EXIT
# A hostile case that outlives this is reported as such instead of stalling the benchmark.
limit=${BENCH_TIMEOUT:-120}

bench() {
  local name=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end status=0
    start=$(date +%s.%N)
    timeout "$limit" "$@" >/dev/null 2>&1 || status=$?
    end=$(date +%s.%N)
    if [ "$status" -eq 124 ]; then
      printf '%-28s stopped after %s s\n' "$name" "$limit"
      return
    fi
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

# Prints $1, each time followed by $3 (a newline unless given), until $2 bytes are written.
repeat() {
  awk -v s="$1" -v n="$2" -v sep="${3-$'\n'}" 'BEGIN { while (n > 0) { printf "%s%s", s, sep; n -= length(s sep) } }'
}

# Prints a guide page whose body (or, for `misspelt`, whose `topic`) is about $2 bytes of
# the shape $1. The same shapes are checked, at 1 MB, by crates/content-cli/tests/limits.rs.
hostile() {
  local shape=$1 size=$2 topic=labels body=
  case $shape in
    # Backticks split serde's message into two long words for "did you mean".
    misspelt) topic=$(repeat x $((size / 2)) '')'` `'$(repeat y $((size / 2)) '') ;;
    raw-html) body=$(repeat '<b>' "$size") ;;
    unclosed-script) body=$'<script>\n'$(repeat 'let a = 1; // left open' "$size") ;;
    deep-nesting) body=$(repeat '>' "$size" '')' x' ;;
    broken-links) body=$(repeat '[a link](/aa/guides/nowhere)' "$size") ;;
  esac
  printf '+++\ntitle = "A guide"\nreviewed = 2025-01-15\ntopic = "%s"\n\n' "$topic"
  printf '[[sources]]\ntitle = "A source"\nurl = "https://example.org/source"\n+++\n\n%s\n' "$body"
}

echo "hostile pages (checked among the test fixture's pages):"
for shape in misspelt raw-html unclosed-script deep-nesting broken-links; do
  for size in 10000 100000 1000000; do
    tree=$out/$shape-$size
    cp -r crates/content-cli/tests/fixtures/valid "$tree"
    hostile "$shape" "$size" >"$tree/aa/guides/hostile.en.md"
    bench "$shape $((size / 1000)) KB" "$cli" check "$tree"
  done
done
