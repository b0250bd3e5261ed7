#!/usr/bin/env bash
# Runs Debian's nginx in the foreground on 127.0.0.1:<port>, serving <dist> with
# hosting/nginx.conf (at the root) or the configuration scripts/hosting.mjs generates for
# <base> (HOSTING.md), as a private server: its pid file, logs and temp dirs are under
# <dir>; no system service is started. Used by
# `make hosting-check` and by the browser tests against nginx (`make e2e-nginx`). Installs
# nginx-light and its brotli_static module if missing.
# Usage: scripts/nginx-run.sh <dist> <base> <port> <dir> [--check]   (--check: validate only)
set -euo pipefail
cd "$(dirname "$0")/.."
dist=$1 base=$2 port=$3 dir=$(mkdir -p "$4" && cd "$4" && pwd)

BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
scripts/install-servers.sh

mkdir -p "$dir/temp"
if [ "$base" = / ]; then
  # At the root: the configuration kept in the repository (the container's), where the
  # build is, on this port.
  [ -f "$dist/_headers.nginx" ] || { echo "$dist has no _headers.nginx: build it again (make build)" >&2; exit 1; }
  sed -e "s|/srv/election-center|$(cd "$dist" && pwd)|g" -e "s|^    listen 80;|    listen 127.0.0.1:$port;|" hosting/nginx.conf >"$dir/nginx.conf"
else
  node scripts/hosting.mjs "$dist" --base "$base" --listen "127.0.0.1:$port" --out "$dir" >/dev/null
fi
cat >"$dir/main.conf" <<EOF
# A private nginx: this directory only, 127.0.0.1:$port.
load_module $BROTLI_MODULE;
worker_processes 1;
pid $dir/nginx.pid;
error_log $dir/error.log;
events { worker_connections 256; }
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
nginx -q -t -p "$dir" -c "$dir/main.conf" -e "$dir/error.log" || { echo "nginx rejects $dir/nginx.conf" >&2; exit 1; }
[ "${5:-}" = --check ] && exit 0
exec nginx -p "$dir" -c "$dir/main.conf" -e "$dir/error.log" -g 'daemon off;'
