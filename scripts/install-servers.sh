#!/usr/bin/env bash
# Installs Debian's nginx-light, its brotli_static module and caddy if any is missing
# (make hosting-check, the browser tests against nginx), without starting their system
# services.
set -euo pipefail
BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
command -v nginx >/dev/null && command -v caddy >/dev/null && [ -f "$BROTLI_MODULE" ] && exit 0
SUDO=
if [ "$(id -u)" != 0 ]; then
  command -v sudo >/dev/null || { echo "nginx-light, libnginx-mod-http-brotli-static and caddy are missing, and installing them needs root or sudo" >&2; exit 1; }
  SUDO=sudo
fi
echo "installing nginx-light libnginx-mod-http-brotli-static caddy (apt-get)" >&2
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
[ "$status" = 0 ] || { echo "apt-get install failed ($status)" >&2; exit 1; }
