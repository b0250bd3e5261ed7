#!/usr/bin/env bash
# `make container-check` (HOSTING.md → A container): builds the Dockerfile's image from
# dist/ with podman or docker, whichever works here, runs it on 127.0.0.1 and checks it
# with scripts/hosting-check.mjs, the checks nginx and Caddy get in `make hosting-check`:
# every route 200 as its own file, `/` as index.html, other forms and unknown paths 404
# with the not-found page, the headers of `_headers` (the CSP with frame-ancestors),
# hashed assets br and immutable, the sitemaps as XML.
# Not part of `make test`: it needs a container runtime that can get debian:bookworm-slim
# and, while building, Debian's packages. Build the site first (`make build`).
# Usage: scripts/container-check.sh   (CONTAINER_PORT: 18490; CONTAINER_IMAGE: election-center)
set -euo pipefail
cd "$(dirname "$0")/.."

PORT=${CONTAINER_PORT:-18490}
IMAGE=${CONTAINER_IMAGE:-election-center}
NAME=election-center-check-$$

fail() {
  echo "container-check: $*" >&2
  exit 1
}

# docker's client alone is no runtime: it needs a daemon to talk to.
if command -v podman >/dev/null; then
  RUNTIME=podman
elif command -v docker >/dev/null && docker info >/dev/null 2>&1; then
  RUNTIME=docker
else
  fail "no container runtime: install podman (apt-get install podman) or run a docker daemon"
fi

# The Dockerfile copies dist/ as it is.
[ -f dist/_headers.nginx ] && [ -f dist/routes.json ] || fail "dist/ is not a release build (no _headers.nginx or routes.json): run make build"

echo "container-check: building $IMAGE with $($RUNTIME --version)"
$RUNTIME build -t "$IMAGE" . || fail "$RUNTIME build failed"

stop() { $RUNTIME rm -f "$NAME" >/dev/null 2>&1 || true; }
trap stop EXIT
$RUNTIME run -d --name "$NAME" -p "127.0.0.1:$PORT:80" "$IMAGE" >/dev/null || fail "$RUNTIME run failed"

# hosting-check waits for the server to answer, up to 10 s.
if ! node scripts/hosting-check.mjs "$IMAGE ($RUNTIME)" dist "http://127.0.0.1:$PORT/"; then
  echo "container-check: the container's log:" >&2
  $RUNTIME logs "$NAME" 2>&1 | tail -20 >&2
  fail "FAILED"
fi
echo "container-check: passed ($IMAGE on $RUNTIME, port $PORT)"
