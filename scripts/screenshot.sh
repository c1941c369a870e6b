#!/usr/bin/env bash
# Takes docs/screenshot.png (and docs/screenshot-dark.png) of the real window under Xvfb, inside the
# private test session. Needs ImageMagick (`import`, `convert`) besides what `make test` installs.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -j2 -p plugboard
tests/session.sh bash -c '
  set -euo pipefail
  shoot() {
    local out=$1; shift
    env "$@" ./target/debug/plugboard >/dev/null 2>&1 &
    local pid=$!
    for _ in $(seq 100); do xdotool search --name "^Plugboard$" >/dev/null 2>&1 && break; sleep 0.1; done
    sleep 3
    import -window root -crop 980x720+0+0 +repage "$out"
    kill $pid; wait $pid 2>/dev/null || true
  }
  shoot docs/screenshot.png GTK_THEME=Adwaita
  shoot docs/screenshot-dark.png GTK_THEME=Adwaita:dark
'
echo "wrote docs/screenshot.png and docs/screenshot-dark.png"
