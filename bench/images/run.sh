#!/usr/bin/env bash
# Image pipeline benchmark: our PhotoProcessor against vipsthumbnail (libvips) on the same
# generated photos, each side in its own processes so /usr/bin/time gives its peak memory.
# usage: bench/images/run.sh [count=50] [width=4000] [height=3000]
# Not run by CI. Results go in docs/benchmarks.md ("Image pipeline").
set -euo pipefail

count=${1:-50}
width=${2:-4000}
height=${3:-3000}
here=$(cd "$(dirname "$0")" && pwd)
work=${BENCH_DIR:-/tmp/redmvc-bench-images}

if ! command -v vipsthumbnail >/dev/null || [ ! -x /usr/bin/time ]; then
  apt-get update -qq && apt-get install -y -qq libvips-tools time >/dev/null
fi

dotnet build -c Release --nologo -v quiet "$here/RedMvc.Bench.Images.csproj" >/dev/null
bench="dotnet $here/bin/Release/net10.0/RedMvc.Bench.Images.dll"

rm -rf "$work"
mkdir -p "$work/ours" "$work/vips" "$work/big-out"
$bench generate "$work/in" "$count" "$width" "$height"
# 8640 x 5760 = 49.8 MP, just under the 50 MP upload limit.
$bench generate "$work/big" 1 8640 5760

# Runs a command under /usr/bin/time; sets $wall (seconds) and $rss (peak resident KB).
measure() {
  /usr/bin/time -f "%e %M" -o "$work/time.txt" "$@" >/dev/null
  read -r wall rss < "$work/time.txt"
}

measure $bench process "$work/in" "$work/ours"
ours_wall=$wall ours_rss=$rss

# The same six outputs per photo: three widths (never upscaled: ">"), WebP q80 and JPEG q82,
# auto-rotated (vipsthumbnail's default) and stripped of metadata. WebP effort 2 matches our
# encoder's Level2 (PhotoProcessor), so both sides spend the same effort on compression.
vips_wall=0 vips_rss=0 passes=""
for size in 360 720 1440; do
  for format in "webp[Q=80,effort=2,strip]" "jpg[Q=82,strip]"; do
    measure vipsthumbnail --size "${size}x>" -o "$work/vips/%s_${size}.${format}" "$work"/in/*.jpg
    passes="$passes ${size}.${format%%\[*}=${wall}s"
    vips_wall=$(awk -v a="$vips_wall" -v b="$wall" 'BEGIN { print a + b }')
    [ "$rss" -gt "$vips_rss" ] && vips_rss=$rss
  done
done

measure $bench process "$work/big" "$work/big-out"
big_wall=$wall big_rss=$rss

report() { # name wall rss
  awk -v name="$1" -v wall="$2" -v rss="$3" -v n="$count" \
    'BEGIN { printf "%-22s %8.0f ms/photo %6.2f photos/s   peak %4.0f MB\n", name, wall * 1000 / n, n / wall, rss / 1024 }'
}
echo
echo "$count photos of ${width}x${height} (JPEG q90), outputs 360/720/1440 in WebP q80 + JPEG q82, $(nproc) cores"
report "ours (ImageSharp)" "$ours_wall" "$ours_rss"
report "vipsthumbnail" "$vips_wall" "$vips_rss"
echo "  vipsthumbnail passes (each decodes every photo, with JPEG shrink-on-load):$passes"
awk -v a="$ours_wall" -v b="$vips_wall" 'BEGIN { printf "ratio ours/libvips per photo: %.2fx (target: at most 1.5x)\n", a / b }'
awk -v wall="$big_wall" -v rss="$big_rss" \
  'BEGIN { printf "one 50 MP photo (8640x5760), ours: %.2f s, peak %.0f MB (target: under 400 MB)\n", wall, rss / 1024 }'
echo "outputs: ours $(ls "$work/ours" | wc -l) files, $(du -sk "$work/ours" | cut -f1) KB; vips $(ls "$work/vips" | wc -l) files, $(du -sk "$work/vips" | cut -f1) KB"
