#!/usr/bin/env bash
# `make package-test`: the .deb as a person gets it, on this machine. Installs it with `dpkg -i`,
# checks what it put where, then in the private test desktop (tests/session.sh: its own D-Bus,
# keychain, display and XDG folders) checks the desktop sends the sign-in scheme to the packaged
# entry and runs tests/package (the installed window takes a link opened with xdg-open). Removes
# the package with `dpkg -r` and checks it left no file behind. Needs root or sudo.
set -euo pipefail
cd "$(dirname "$0")/.."
deb=$(ls target/debian/plugboard_*.deb 2>/dev/null | head -1)
[ -n "$deb" ] || { echo "No package in target/debian: run make package" >&2; exit 1; }
if [ "$(id -u)" -eq 0 ]; then sudo=(); else sudo=(sudo); fi
if dpkg-query -W -f='${Status}' plugboard 2>/dev/null | grep -q "installed"; then
  echo "Plugboard is already installed here; this test installs and removes it itself." >&2
  echo "Remove it first (sudo dpkg -r plugboard) or run the test on another machine." >&2
  exit 1
fi
fail() { echo "package-test: $*" >&2; exit 1; }

installed=0
cleanup() { [ "$installed" = 1 ] && "${sudo[@]}" dpkg -r plugboard >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "== dpkg -i $deb"
"${sudo[@]}" dpkg -i "$deb"
installed=1
files=$(dpkg-query -L plugboard)

echo "== what it installed"
for f in /usr/bin/plugboard-window /usr/bin/plugboard; do
  [ -x "$f" ] || fail "$f is missing or not executable"
done
entry=/usr/share/applications/plugboard.desktop
[ -f "$entry" ] || fail "no desktop entry at $entry"
desktop-file-validate "$entry" || fail "$entry does not validate"
grep -qx 'Exec=plugboard-window %u' "$entry" || fail "Exec is not 'plugboard-window %u'"
grep -qx 'MimeType=x-scheme-handler/dev.plugboard.desktop;' "$entry" || fail "no MimeType for the scheme"
for size in 32x32 128x128 256x256 512x512; do
  [ -f "/usr/share/icons/hicolor/$size/apps/plugboard.png" ] || fail "no $size icon"
done
[ -f /usr/share/icons/hicolor/scalable/apps/plugboard.svg ] || fail "no scalable icon"
service=/usr/share/dbus-1/services/dev.plugboard.desktop.service
grep -qx 'Name=dev.plugboard.desktop' "$service" || fail "no D-Bus service file naming dev.plugboard.desktop"
grep -qx 'Exec=/usr/bin/plugboard-window --in-tray' "$service" || fail "the D-Bus service does not start the window in the tray"
zcat /usr/share/man/man1/plugboard.1.gz | grep -q '^\.TH plugboard 1' || fail "no man page"
[ -f /usr/share/zsh/vendor-completions/_plugboard ] || fail "no zsh completions"
[ -f /usr/share/fish/vendor_completions.d/plugboard.fish ] || fail "no fish completions"
bash -c 'source /usr/share/bash-completion/completions/plugboard && complete -p plugboard' >/dev/null \
  || fail "the bash completions do not load"
dpkg-deb -f "$deb" Depends | grep -q 'gnome-keyring | kwalletmanager | keepassxc' || fail "no Secret Service dependency"
dpkg-deb -f "$deb" Depends | grep -q 'libwebkit2gtk-4.1' || fail "no WebKitGTK dependency"
dpkg-deb -f "$deb" Depends | grep -q 'libayatana-appindicator3-1' || fail "no tray (appindicator) dependency"
echo "plugboard --version: $(/usr/bin/plugboard --version)"

echo "== the installed app in the private desktop"
tests/session.sh bash -c '
  handler=$(xdg-mime query default x-scheme-handler/dev.plugboard.desktop)
  [ "$handler" = plugboard.desktop ] || { echo "the scheme handler is \"$handler\", not plugboard.desktop" >&2; exit 1; }
  echo "xdg-mime query default x-scheme-handler/dev.plugboard.desktop: $handler"
  PLUGBOARD_APP_BINARY=/usr/bin/plugboard-window PLUGBOARD_CLI_BINARY=/usr/bin/plugboard \
    cargo test -j"${JOBS:-2}" -p plugboard-e2e --test package -- --include-ignored --test-threads=1
'

echo "== dpkg -r plugboard"
"${sudo[@]}" dpkg -r plugboard
installed=0
left=()
while IFS= read -r f; do
  # Directories shared with other packages (/usr/bin, /usr/share/...) stay; Plugboard's own go.
  if [ -e "$f" ] && ! { [ -d "$f" ] && [ "$f" != /usr/share/doc/plugboard ]; }; then left+=("$f"); fi
done <<<"$files"
[ ${#left[@]} -eq 0 ] || fail "left behind after dpkg -r: ${left[*]}"
# (The session prints its keychain's control variable first: only xdg-mime's answer counts.)
handler=$(tests/session.sh bash -c 'xdg-mime query default x-scheme-handler/dev.plugboard.desktop || true' 2>/dev/null \
  | grep -v '^GNOME_KEYRING_CONTROL=' || true)
[ -z "$handler" ] || fail "the desktop still sends the scheme to \"$handler\""
echo "dpkg -r left no file behind"

size() { numfmt --to=iec-i --suffix=B --format=%.1f "$(stat -c %s "$1")"; }
echo "Package $(basename "$deb"): $(size "$deb"); release binaries: plugboard-window $(size target/release/plugboard-window), plugboard $(size target/release/plugboard)"
