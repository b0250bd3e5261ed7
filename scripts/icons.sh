#!/bin/sh
# The installed app's icons (the web app manifests, src/prerender.rs), drawn with librsvg's
# rsvg-convert (Debian: apt-get install librsvg2-bin; scripts/setup.sh installs it).
#
#   scripts/icons.sh                       Election Center's, from style/favicon.svg, into
#                                          style/icons/ (committed; run by hand when the
#                                          mark changes)
#   scripts/icons.sh LOGO OUT BACKGROUND   a deployment's, from its logo (scripts/identity.sh)
#
# - any-192.png, any-512.png: the mark as it is;
# - maskable-192.png, maskable-512.png: the mark on a full square (of its blue; of the
#   palette's background for a logo), inside the central circle platforms may cut to (the
#   "safe zone", 80 % of the side); also the home-screen icon of iOS (apple-touch-icon.png,
#   180 px), which rounds it itself.
set -eu
cd "$(dirname "$0")/.."
if [ $# -eq 3 ]; then
  logo=$1 out=$2 background=$3
  mkdir -p "$out"
  # A logo may be square to its corners: at 60 % of the side its corners stay in the circle.
  maskable() { # size
    inner=$(($1 * 3 / 5)); margin=$((($1 - inner) / 2))
    rsvg-convert -w "$inner" -h "$inner" --page-width "$1" --page-height "$1" --left "$margin" --top "$margin" \
      --background-color "$background" "$logo" -o "$2"
  }
  for size in 192 512; do
    rsvg-convert -w "$size" -h "$size" "$logo" -o "$out/any-$size.png"
    maskable "$size" "$out/maskable-$size.png"
  done
  maskable 180 "$out/apple-touch-icon.png"
  exit
fi
out=style/icons
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
