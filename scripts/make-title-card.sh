#!/usr/bin/env bash
# A poster for a partner's video, or series of videos, when we have no image of theirs to
# use: a title card that names the partner over a stack of frames (one frame for a single
# video), in plain type on a plain ground, which no one could take for a still of their
# video or for their branding (CONTENT.md → Videos). Needs rsvg-convert (librsvg2-bin).
#
#   scripts/make-title-card.sh "Funky Citizens" content/ro/media/funky-citizens-series.png series
#
# Writes a 1280×720 PNG: a video list shows it at 16:9 like any poster.
set -euo pipefail
name=$1 out=$2 kind=${3:-video}
escaped=$(printf '%s' "$name" | sed -e 's/&/\&amp;/g' -e 's/</\&lt;/g' -e 's/>/\&gt;/g')
behind=''
if [ "$kind" = series ]; then
  # Two frames behind the first: a series, read at a glance and in any language.
  behind='<rect x="530" y="130" width="300" height="170" fill="#64748b"/><rect x="510" y="150" width="300" height="170" fill="#94a3b8"/>'
fi
rsvg-convert --format png --output "$out" /dev/stdin <<SVG
<svg xmlns="http://www.w3.org/2000/svg" width="1280" height="720" viewBox="0 0 1280 720">
  <rect width="1280" height="720" fill="#1e293b"/>
  $behind
  <rect x="490" y="170" width="300" height="170" fill="#f8fafc"/>
  <path d="M620 215 L620 295 L690 255 Z" fill="#1e293b"/>
  <text x="640" y="500" text-anchor="middle" font-family="DejaVu Sans" font-weight="bold" font-size="72" fill="#ffffff">$escaped</text>
</svg>
SVG
