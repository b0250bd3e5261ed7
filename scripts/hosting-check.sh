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
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
if ! command -v nginx >/dev/null || ! command -v caddy >/dev/null || [ ! -f "$BROTLI_MODULE" ]; then
  SUDO=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "nginx-light, libnginx-mod-http-brotli-static and caddy are missing, and installing them needs root or sudo"
    SUDO=sudo
  fi
  echo "hosting-check: installing nginx-light libnginx-mod-http-brotli-static caddy (apt-get)"
  # Packages start their system service on install unless policy-rc.d says no: say no for
  # this install only, if nothing on the machine says anything yet.
  POLICY=
  if [ ! -e /usr/sbin/policy-rc.d ]; then
    POLICY=/usr/sbin/policy-rc.d
    printf '#!/bin/sh\nexit 101\n' | $SUDO tee "$POLICY" >/dev/null
    $SUDO chmod 755 "$POLICY"
  fi
  status=0
  { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
    nginx-light libnginx-mod-http-brotli-static caddy >/dev/null; } || status=$?
  [ -z "$POLICY" ] || $SUDO rm -f "$POLICY"
  [ "$status" = 0 ] || fail "apt-get install failed ($status)"
fi

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
  mkdir -p "$dir/temp"
  node scripts/hosting.mjs "$2" --base "$3" --listen "127.0.0.1:$4" --out "$dir" >/dev/null
  cat >"$dir/main.conf" <<EOF
# A private nginx for the check: this directory only, 127.0.0.1:$4.
load_module $BROTLI_MODULE;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $dir/access.log;
    client_body_temp_path $dir/temp/body;
    proxy_temp_path $dir/temp/proxy;
    fastcgi_temp_path $dir/temp/fastcgi;
    uwsgi_temp_path $dir/temp/uwsgi;
    scgi_temp_path $dir/temp/scgi;
    include $dir/nginx.conf;
}
EOF
  nginx -q -t -p "$dir" -c "$dir/main.conf" -e "$dir/error.log" || fail "nginx rejects $dir/nginx.conf"
  nginx -p "$dir" -c "$dir/main.conf" -e "$dir/error.log" -g 'daemon off;' &
  PIDS+=($!)
}
start_caddy() {
  local dir=$OUT/caddy-$1
  mkdir -p "$dir/home"
  node scripts/hosting.mjs "$2" --base "$3" --listen "127.0.0.1:$4" --out "$dir" >/dev/null
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
