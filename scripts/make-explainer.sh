#!/usr/bin/env bash
# Produces a captioned media-literacy explainer from a slide script, with Debian tools
# only (espeak-ng for the narration, ffmpeg for the video): no footage from anywhere else.
#
#   scripts/make-explainer.sh scripts/explainers/check-a-claim.fr.txt content/fr/media
#
# The script file is blocks separated by blank lines: `# slide title`, `> narration`
# (spoken, and the captions in the video's language), `= English translation` (a second
# captions track). Writes <name>.webm, <name>.<lang>.vtt, <name>.en.vtt and <name>.png,
# and prints the duration for the video page's front matter.
set -euo pipefail
src=$1 out=$2
name=$(basename "$src" .txt)            # check-a-claim.fr
lang=${name##*.}                        # fr
base=${name%.*}                         # check-a-claim
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
font=/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf
mkdir -p "$out"

vtt_time() { awk -v t="$1" 'BEGIN { printf "%02d:%02d:%06.3f", t/3600, (t%3600)/60, t - int(t/60)*60 }'; }

awk -v RS= -v dir="$work" '{
  n++; title=""; said=""; english="";
  split($0, lines, "\n");
  for (i in lines) {
    l = lines[i];
    if (l ~ /^# /) title = substr(l, 3);
    else if (l ~ /^> /) said = said (said ? " " : "") substr(l, 3);
    else if (l ~ /^= /) english = english (english ? " " : "") substr(l, 3);
  }
  printf "%s", title > (dir "/" n ".title"); printf "%s", said > (dir "/" n ".said"); printf "%s", english > (dir "/" n ".en");
} END { print n > (dir "/count") }' "$src"

count=$(cat "$work/count")
printf 'WEBVTT\n\n' > "$out/$base.$lang.vtt"
printf 'WEBVTT\n\n' > "$out/$base.en.vtt"
: > "$work/parts.txt"
start=0
for i in $(seq 1 "$count"); do
  espeak-ng -v "$lang" -s 145 -w "$work/$i.wav" -f "$work/$i.said"
  # Half a second of silence after each slide, so captions and slides breathe.
  ffmpeg -loglevel error -y -i "$work/$i.wav" -af apad=pad_dur=0.5 -ar 48000 -ac 1 "$work/$i.padded.wav"
  dur=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$work/$i.padded.wav")
  ffmpeg -loglevel error -y -f lavfi -i "color=c=0x1d4ed8:s=1280x720:r=25:d=$dur" -i "$work/$i.padded.wav" \
    -vf "drawtext=fontfile=$font:textfile=$work/$i.title:fontcolor=white:fontsize=64:x=(w-text_w)/2:y=(h-text_h)/2-40,drawtext=fontfile=$font:text='Election Center':fontcolor=0xdbeafe:fontsize=28:x=(w-text_w)/2:y=h-80" \
    -c:v libvpx-vp9 -b:v 0 -crf 40 -row-mt 1 -c:a libopus -b:a 32k -shortest "$work/$i.webm"
  echo "file '$work/$i.webm'" >> "$work/parts.txt"
  end=$(awk -v a="$start" -v b="$dur" 'BEGIN { print a + b - 0.5 }')
  printf '%s --> %s\n%s\n\n' "$(vtt_time "$start")" "$(vtt_time "$end")" "$(cat "$work/$i.said")" >> "$out/$base.$lang.vtt"
  printf '%s --> %s\n%s\n\n' "$(vtt_time "$start")" "$(vtt_time "$end")" "$(cat "$work/$i.en")" >> "$out/$base.en.vtt"
  start=$(awk -v a="$start" -v b="$dur" 'BEGIN { print a + b }')
done
ffmpeg -loglevel error -y -f concat -safe 0 -i "$work/parts.txt" -c copy "$out/$base.webm"
ffmpeg -loglevel error -y -i "$work/1.webm" -frames:v 1 "$out/$base.png"
total=$(ffprobe -v error -show_entries format=duration -of csv=p=0 "$out/$base.webm")
seconds=$(awk -v t="$total" 'BEGIN { printf "%d", t + 0.5 }')
printf 'duration = "%d:%02d"\n' $((seconds / 60)) $((seconds % 60))
