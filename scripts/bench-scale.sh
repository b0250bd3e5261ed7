#!/usr/bin/env bash
# The build at the scale of an EU-wide election (issue #22), in one run:
#  - content trees of 1× (content/), 4× and 16× the real content and the 27 member states
#    (scripts/eu-corpus.mjs, the same bytes from the same seed), each checked, built and
#    pre-rendered (every route × interface language) with each stage's wall time, CPU use
#    and peak memory (/usr/bin/time), and pages per second;
#  - the EU tree's pages also as a minimal Hugo site, built by Debian's `hugo` on the same
#    machine, with both per-page costs and their ratio;
#  - the EU build's output: size per country, largest files, number of files, and what a
#    voter downloads on one page at 2 and at 27 countries.
# Usage: scripts/bench-scale.sh. Writes under target/scale/ (about 1.3 GB), or $BENCH_SCALE_DIR.
set -euo pipefail
cd "$(dirname "$0")/.."
export LC_ALL=C

need() { command -v "$1" >/dev/null || { apt-get update -qq && apt-get install -y -qq "$2" >/dev/null; }; }
need hugo hugo
need brotli brotli
[ -x /usr/bin/time ] || { apt-get update -qq && apt-get install -y -qq time >/dev/null; }

# The native tools at full speed: see [profile.native] in Cargo.toml.
# One at a time, as the build runs them: built together, `content` would be compiled with
# both crates' features, and each build would then recompile what the other did.
cargo build --quiet --locked --profile native -p content-cli
cargo build --quiet --locked --profile native -p prerender
bin=target/native
# BENCH_SCALE_DIR: where to build (e.g. /dev/shm/scale, in memory, where the disk is short).
work=${BENCH_SCALE_DIR:-$PWD/target/scale}
rm -rf "$work"
mkdir -p "$work"
export SITE_URL=http://127.0.0.1:8080/

# The page pre-rendering fills: the release build's own when there is one (its not-found
# page with what pre-rendering added taken out), else the source page with a base.
template() {
  if [ -f dist/404.html ]; then
    sed -E '/<meta name="(robots|election-center:data|theme-color)"|<link rel="manifest"/d' dist/404.html
  else
    sed -e 's|<base data-trunk-public-url>|<base href="/">|' -e '/data-trunk/d' index.html
  fi
}

# run <label> <units> <count> <command…>: times one stage; prints wall s, CPU %, peak MB
# and <count> <units> per second. <count> is evaluated after the command has run.
declare -A WALL COUNT
run() {
  local label=$1 units=$2 count_of=$3; shift 3
  local log=$work/time.log
  /usr/bin/time -v -o "$log" "$@" >"$work/stage.out" 2>&1 || { cat "$work/stage.out"; exit 1; }
  local wall rss cpu
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$log")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log")
  cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.2f", s }' "$log")
  local count
  count=$(eval "$count_of")
  WALL[$label]=$wall
  COUNT[$label]=$count
  printf '  %-24s %7.2f s wall %7s s CPU  peak %5s MB  %6d %-5s %7.0f /s\n' \
    "$label" "$wall" "$cpu" "$rss" "$count" "$units" "$(awk -v c="$count" -v w="$wall" 'BEGIN { print (w > 0 ? c / w : 0) }')"
}

# build_tree <name> <content dir>: the stages of `make build` that grow with the content.
build_tree() {
  local name=$1 tree=$2 dist=$work/$1/dist
  mkdir -p "$dist"
  cp "$work/template.html" "$dist/index.html"
  cp -r public/. "$dist/"
  local md
  md=$(find "$tree" -name '*.md' | wc -l)
  echo "$name: $(find "$tree" -name country.toml | wc -l) countries, $md Markdown pages ($(awk -v a="$md" -v b="$REAL" 'BEGIN { printf "%.1f", a / b }')× the real content)"
  "$bin/content-cli" i18n i18n --out "$dist/i18n" 2>/dev/null
  run "$name content check" pages "echo $md" "$bin/content-cli" check "$tree"
  run "$name content build" pages "echo $md" "$bin/content-cli" build "$tree" --out "$dist/content"
  # Its count is the pages it printed it wrote: every route in every interface language.
  run "$name prerender" pages "grep -o '[0-9]* pages written' $work/stage.out | cut -d' ' -f1" "$bin/prerender" "$dist"
  # Brotli at quality 10-11 is the longest stage: timed once, at the scale of the EU. The
  # builds between are removed once measured (the EU's alone is about 1.2 GB).
  if [ "$name" = eu ]; then
    run "$name compress" files "grep -o 'compressed [0-9]*' $work/stage.out | cut -d' ' -f2" node scripts/compress.mjs "$dist"
  elif [ "$name" != 1x ]; then
    rm -rf "$dist"
  fi
}

template >"$work/template.html"
REAL=$(find content -name '*.md' | wc -l)
echo "== Build at scale ($(nproc) cores; native profile; /usr/bin/time: wall time, CPU time (user + system), peak resident memory)"
build_tree 1x content
node scripts/eu-corpus.mjs --countries 3 --out "$work/4x/tree" >/dev/null
build_tree 4x "$work/4x/tree"
node scripts/eu-corpus.mjs --countries 15 --out "$work/16x/tree" >/dev/null
build_tree 16x "$work/16x/tree"
node scripts/eu-corpus.mjs --out "$work/eu/tree" --hugo "$work/eu/hugo" >/dev/null
build_tree eu "$work/eu/tree"

echo
echo "== Side by side with Hugo $(hugo version | grep -o 'v[0-9.]*' | head -1) (the EU tree's pages, a minimal site: scripts/eu-corpus.mjs --hugo)"
run "hugo" pages "find $work/eu/hugo-public -name '*.html' | wc -l" hugo --quiet --source "$work/eu/hugo" --destination "$work/eu/hugo-public"
md=${COUNT[eu content build]}
ours=$(awk -v b="${WALL[eu content build]}" -v p="${WALL[eu prerender]}" 'BEGIN { print b + p }')
awk -v ours="$ours" -v written="${COUNT[eu prerender]}" -v md="$md" -v hugo="${WALL[hugo]}" -v hpages="${COUNT[hugo]}" 'BEGIN {
  printf "  Election Center: content build + pre-rendering %.2f s for %d Markdown pages, %d HTML pages written (each page in all 27 interface languages)\n", ours, md, written
  printf "  Hugo:            %.2f s for the same %d Markdown pages, %d HTML pages written (each page once, in its own language)\n", hugo, md, hpages
  printf "  per HTML page written:  ours %.3f ms, Hugo %.3f ms: ours/Hugo = %.2f\n", ours / written * 1000, hugo / hpages * 1000, (ours / written) / (hugo / hpages)
  printf "  per Markdown page:      ours %.3f ms, Hugo %.3f ms: ours/Hugo = %.2f\n", ours / md * 1000, hugo / md * 1000, (ours / md) / (hugo / md)
}'

echo
echo "== Rebuilding after one page changes (EU tree)"
page=$(find "$work/eu/tree/fr/guides" -name '*.fr.md' | sort | head -1)
printf '\nOne more sentence.\n' >>"$page"
run "eu content build again" pages "echo $md" "$bin/content-cli" build "$work/eu/tree" --out "$work/eu/dist/content"
# The pre-renderer fills index.html and then writes `/` over it: the template back first,
# as a new Trunk build would bring it.
cp "$work/template.html" "$work/eu/dist/index.html"
run "eu prerender again" pages "grep -o '[0-9]* pages written' $work/stage.out | cut -d' ' -f1" "$bin/prerender" "$work/eu/dist"
echo "    pages that changed: $(grep -o '[0-9]* files changed' "$work/stage.out")"
run "eu compress again" files "grep -o 'compressed [0-9]*' $work/stage.out | cut -d' ' -f2" node scripts/compress.mjs "$work/eu/dist"

echo
dist=$work/eu/dist
echo "== The EU build's output ($dist, .br and .gz siblings included)"
echo "  $(find "$dist" -type f | wc -l) files, $(du -sh "$dist" | cut -f1); without the siblings $(find "$dist" -type f ! -name '*.br' ! -name '*.gz' | wc -l) files"
echo "  per country (its data under content/<cc>/ + its pages in every interface language), largest first:"
for cc in $(ls "$dist/content" | grep -E '^[a-z]{2}$'); do
  data=$(du -sk "$dist/content/$cc" | cut -f1)
  pages=$(find "$dist" -mindepth 2 -maxdepth 2 \( -name "$cc" -o -name "$cc.html*" \) ! -path "$dist/content/*" | xargs du -sck | tail -1 | cut -f1)
  echo "$cc $data $pages"
done | sort -k2,2nr -k3,3nr | awk '{ printf "    %s  data %6.1f MB  pages %6.1f MB\n", $1, $2 / 1024, $3 / 1024 }'
# Search engines read at most 50,000 addresses and 50 MB from one sitemap (sitemaps.org).
largest=$(find "$dist" -maxdepth 1 -name 'sitemap-*.xml' -printf '%s %f\n' | sort -nr | head -1)
echo "  the sitemap: an index of $(grep -c '<sitemap>' "$dist/sitemap.xml") sitemaps ($(cat "$dist"/sitemap-*.xml | grep -c '<url>') addresses);" \
  "the largest ${largest#* }, $(awk -v b="${largest%% *}" 'BEGIN { printf "%.1f", b / 1048576 }') MB, $(grep -c '<url>' "$dist/${largest#* }") addresses"
echo "  largest files:"
find "$dist" -type f -printf '%s %P\n' | sort -nr | head -8 | awk '{ printf "    %8.1f KB  %s\n", $1 / 1024, $2 }' || true  # head closes the pipe early

echo
echo "== What a voter downloads on one page, at 2 and at 27 countries (brotli bytes; the app's wasm and JS are the same at any scale: make size)"
size() { [ -f "$1" ] && brotli -c -q 10 "$1" | wc -c || echo -; }
printf '  %-34s %10s %10s\n' file "2 countries" "27 countries"
for f in en.html index.html content/index.json i18n/en.json en/fr.html en/fr/guides.html content/fr/en.json; do
  printf '  %-34s %10s %10s\n' "$f" "$(size "$work/1x/dist/$f")" "$(size "$dist/$f")"
done
