#!/bin/sh
# The installed app's icons (the web app manifests, src/prerender.rs), drawn from
# style/favicon.svg with librsvg's rsvg-convert (Debian: apt-get install librsvg2-bin).
# Run by hand when the mark changes; the PNGs are committed under public/icons/:
# - any-192.png, any-512.png: the favicon as it is (a rounded square);
# - maskable-192.png, maskable-512.png: the mark on a full square of its blue, inside the
#   central circle platforms may cut to (the "safe zone", 80 % of the side); also the
#   home-screen icon of iOS (apple-touch-icon.png, 180 px), which rounds it itself.
set -eu
cd "$(dirname "$0")/.."
out=public/icons
mkdir -p "$out"
maskable=$(mktemp --suffix=.svg)
trap 'rm -f "$maskable"' EXIT
# The favicon's square without its rounded corners, and its check mark at 85 % about the centre.
sed -e 's/ rx="6"//' \
    -e 's/<path /<path transform="translate(16 16) scale(0.85) translate(-16 -16)" /' \
    style/favicon.svg > "$maskable"
for size in 192 512; do
  rsvg-convert -w "$size" -h "$size" style/favicon.svg -o "$out/any-$size.png"
  rsvg-convert -w "$size" -h "$size" "$maskable" -o "$out/maskable-$size.png"
done
rsvg-convert -w 180 -h 180 "$maskable" -o "$out/apple-touch-icon.png"
ls -l "$out"
