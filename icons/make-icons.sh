#!/usr/bin/env bash
# Regenerates the app icons from icons/icon.svg: the PNG sizes Tauri bundles, an .ico and an .icns.
# Needs rsvg-convert (librsvg2-bin) and ImageMagick's convert.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
for s in 16 32 48 64 128 256 512; do rsvg-convert -w $s -h $s icon.svg -o "$tmp/$s.png"; done
cp "$tmp/32.png" 32x32.png; cp "$tmp/128.png" 128x128.png; cp "$tmp/256.png" 128x128@2x.png; cp "$tmp/512.png" icon.png
convert "$tmp"/{16,32,48,64,128,256}.png icon.ico
# ICNS: 'icns' + total length, then (type, length, PNG) entries: ic07 = 128, ic08 = 256, ic09 = 512 px.
python3 - "$tmp" <<'PY'
import struct, sys
tmp = sys.argv[1]
body = b''
for kind, size in ((b'ic07', 128), (b'ic08', 256), (b'ic09', 512)):
    data = open(f'{tmp}/{size}.png', 'rb').read()
    body += kind + struct.pack('>I', len(data) + 8) + data
open('icon.icns', 'wb').write(b'icns' + struct.pack('>I', len(body) + 8) + body)
PY
cp icon.svg ../ui/logo.svg
