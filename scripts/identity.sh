#!/bin/sh
# Trunk pre-build hook of both builds, the site's (Trunk.toml) and the editor's
# (crates/editor/Trunk.toml): the deployment's identity (site.toml, or the file SITE_TOML
# names, relative to the repository's root) checked, and the stylesheet with its palette
# and logo, the favicon, the dark theme's logo and the installed app's icons written to
# target/identity/, which both index.html files link: Trunk then hashes the stylesheet and
# writes its integrity as for any other. A problem in the identity stops the build, with
# its line. README.md → Your own identity.
set -e
cd "$(dirname "$0")/.."
cargo run --quiet --locked --package content-cli -- site --out target/identity
# The icons: Election Center's (committed), or drawn from the identity's logo on its
# palette's background.
rm -rf target/identity/icons
if cmp -s target/identity/favicon.svg style/favicon.svg; then
  cp -R style/icons target/identity/icons
else
  background=$(sed -n 's/^  --bg: \(#[0-9a-fA-F]*\);$/\1/p' target/identity/main.css | head -n 1)
  scripts/icons.sh target/identity/favicon.svg target/identity/icons "$background"
fi
