#!/bin/sh
# Trunk post-build hook, in order: the content build (manifests, page bodies, media) and the
# interface texts into the build; a boot script that applies embedding settings before the
# first paint and starts the app after it (boot.mjs), which imports the search script
# (search.mjs build) when a search field is first focused; for release builds, a strict CSP
# (csp.mjs) and then every route pre-rendered as a static page from that index.html
# (crates/prerender), then the offline worker and what saving a country's guide takes
# (offline.mjs, which reads the pre-rendered pages). Development builds (`make serve`) skip
# the last three: the app mounts from scratch there.
set -e
# The open feeds (FEEDS.md): with PREVIOUS_CONTENT, the `content/` folder of the site as
# last published, the change logs say what changed since and keep their history.
if [ -n "${PREVIOUS_CONTENT:-}" ]; then set -- --previous "$PREVIOUS_CONTENT"; else set --; fi
# CONTENT_DIR: another content tree (the tests' second deployment, Makefile → build-identity).
cargo run --quiet --locked --package content-cli -- build "${CONTENT_DIR:-content}" --out "$TRUNK_STAGING_DIR/content" "$@"
cargo run --quiet --locked --package content-cli -- i18n i18n --out "$TRUNK_STAGING_DIR/i18n"
node scripts/search.mjs build
node scripts/boot.mjs
if [ "$TRUNK_PROFILE" = release ]; then
  node scripts/csp.mjs
  # Optimised (Cargo.toml's native profile): a debug build renders an EU-wide site's 35,000
  # pages several times slower, and takes more disk than the optimised one.
  cargo run --quiet --locked --profile native --package prerender -- "$TRUNK_STAGING_DIR"
  node scripts/search.mjs pages
  node scripts/offline.mjs
fi
