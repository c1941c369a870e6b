#!/usr/bin/env bash
# `make package`: the .deb of the release build, with cargo-deb (metadata in src-tauri/Cargo.toml).
# `make release` has built the binaries; this generates the command line's man page and shell
# completions from its clap definition (cli/examples/package-docs.rs), packages, and prints the
# package's size and the release binaries'.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
out=target/release/package
rm -rf "$out"
mkdir -p "$out"
cargo run --quiet -j"$jobs" -p plugboard-cli --example package-docs -- "$out" >/dev/null
gzip -9 -n -f "$out/plugboard.1"
rm -f target/debian/plugboard_*.deb
cargo deb -p plugboard --no-build --output target/debian/ >/dev/null
deb=$(ls target/debian/plugboard_*.deb)
size() { numfmt --to=iec-i --suffix=B --format=%.1f "$(stat -c %s "$1")"; }
echo "Package: $deb ($(size "$deb"))"
echo "Release binaries: plugboard-window $(size target/release/plugboard-window), plugboard $(size target/release/plugboard)"
echo "Install: sudo apt install ./$deb   (or: sudo dpkg -i $deb)"
