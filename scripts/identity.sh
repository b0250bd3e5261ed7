#!/bin/sh
# Trunk pre-build hook of both builds, the site's (Trunk.toml) and the editor's
# (crates/editor/Trunk.toml): the deployment's identity (site.toml, or the file SITE_TOML
# names, relative to the repository's root) checked, and the stylesheet with its palette
# and logo and the favicon written to target/identity/, which both index.html files link:
# Trunk then hashes the stylesheet and writes its integrity as for any other. A problem in
# the identity stops the build, with its line. README.md → Your own identity.
set -e
cd "$(dirname "$0")/.."
exec cargo run --quiet --locked --package content-cli -- site --out target/identity
