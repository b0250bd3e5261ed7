#!/usr/bin/env bash
# `make hosting-check` (HOSTING.md): the nginx and Caddy configurations that
# scripts/hosting.mjs generates, run for real on 127.0.0.1 and checked by
# scripts/hosting-check.mjs, for the release build at the root and the embedding build
# under its sub-path. Installs Debian's nginx-light, its brotli_static module and caddy
# if missing. Everything it runs (pid files, logs, temp dirs) is under target/hosting/;
# no system service is started, and both servers are stopped when it ends.
# Usage: scripts/hosting-check.sh [dist] [embed-dist]   (HOSTING_PORT: first of 4 ports, 18480)
set -euo pipefail
cd "$(dirname "$0")/.."

DIST=${1:-dist}
EMBED=${2-target/dist-embed}
EMBED_BASE=/election-center/
PORT=${HOSTING_PORT:-18480}
OUT=$PWD/target/hosting

fail() {
  echo "hosting-check: $*" >&2
  exit 1
}

# --- the servers, from Debian --------------------------------------------------------
scripts/install-servers.sh || fail "cannot install the servers"

# --- the builds ----------------------------------------------------------------------
[ -f "$DIST/_headers" ] && [ -f "$DIST/routes.json" ] || fail "$DIST is not a release build (no _headers or routes.json): run make build"
if [ -n "$EMBED" ]; then
  [ -f "$EMBED/_headers" ] && [ -f "$EMBED/routes.json" ] || fail "$EMBED is not a release build: run make build-embed (or pass an empty second argument to skip it)"
fi

rm -rf "$OUT"
mkdir -p "$OUT"
# Both servers run in the foreground as children of this script, so that it can stop
# exactly them (and wait for them) when it ends.
PIDS=()
stop() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT

# start_nginx NAME DIST BASE PORT, start_caddy NAME DIST BASE PORT: generate, validate, run.
start_nginx() {
  local dir=$OUT/nginx-$1
  scripts/nginx-run.sh "$2" "$3" "$4" "$dir" --check || fail "nginx rejects $dir/nginx.conf"
  scripts/nginx-run.sh "$2" "$3" "$4" "$dir" &
  PIDS+=($!)
}
start_caddy() {
  local dir=$OUT/caddy-$1
  mkdir -p "$dir/home"
  if [ "$3" = / ]; then
    # At the root: the Caddyfile kept in the repository, where the build is, on this port.
    sed -e "s|/srv/election-center|$(cd "$2" && pwd)|g" -e "s|^:80 {|http://127.0.0.1:$4 {|" hosting/Caddyfile >"$dir/Caddyfile"
  else
    node scripts/hosting.mjs "$2" --base "$3" --listen "127.0.0.1:$4" --out "$dir" >/dev/null
  fi
  { printf '# A private Caddy for the check: no admin endpoint.\n{\n\tadmin off\n}\n\n'; cat "$dir/Caddyfile"; } >"$dir/Caddyfile.check"
  export HOME=$dir/home XDG_DATA_HOME=$dir/home XDG_CONFIG_HOME=$dir/home
  caddy validate --adapter caddyfile --config "$dir/Caddyfile.check" >"$dir/validate.log" 2>&1 || fail "caddy rejects $dir/Caddyfile: $(tail -3 "$dir/validate.log")"
  caddy run --adapter caddyfile --config "$dir/Caddyfile.check" >"$dir/caddy.log" 2>&1 &
  PIDS+=($!)
}

start_nginx root "$DIST" / "$PORT"
start_caddy root "$DIST" / $((PORT + 2))
if [ -n "$EMBED" ]; then
  start_nginx embed "$EMBED" "$EMBED_BASE" $((PORT + 1))
  start_caddy embed "$EMBED" "$EMBED_BASE" $((PORT + 3))
fi

# --- the checks ----------------------------------------------------------------------
failed=0
check() { node scripts/hosting-check.mjs "$@" || failed=1; }
check "nginx $(nginx -v 2>&1 | sed 's/.*\///'), $DIST at /" "$DIST" "http://127.0.0.1:$PORT/"
check "caddy $(caddy version | cut -d' ' -f1), $DIST at /" "$DIST" "http://127.0.0.1:$((PORT + 2))/"
if [ -n "$EMBED" ]; then
  check "nginx, $EMBED at $EMBED_BASE" "$EMBED" "http://127.0.0.1:$((PORT + 1))$EMBED_BASE"
  check "caddy, $EMBED at $EMBED_BASE" "$EMBED" "http://127.0.0.1:$((PORT + 3))$EMBED_BASE"
fi
[ "$failed" = 0 ] || fail "FAILED (configs and server logs are in target/hosting/)"
echo "hosting-check: passed on nginx and Caddy (configs in target/hosting/)"
