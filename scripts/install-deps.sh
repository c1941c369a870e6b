#!/usr/bin/env bash
# Installs the Debian packages Plugboard needs, only those missing, as root or through sudo.
#   scripts/install-deps.sh build   what `make run` needs (WebKitGTK and friends, to build and run)
#   scripts/install-deps.sh test    build packages plus the test desktop (Xvfb, D-Bus, gnome-keyring, WebKitWebDriver, dunst)
#   scripts/install-deps.sh bench   test packages plus dbus-monitor and gnuplot (`make bench`)
#   scripts/install-deps.sh package test packages plus what `make package(-test)` needs
# Package lists: ../shared/HEADLESS.md (measured on Debian 12).
set -euo pipefail

build_pkgs=(libwebkit2gtk-4.1-dev build-essential curl wget file libxdo-dev libssl-dev
  libayatana-appindicator3-dev librsvg2-dev pkg-config libdbus-1-dev xdg-utils)
# dunst: a real notification daemon for the notification tests (`dunstctl history` says what it showed).
# python3-dbus: a program of the person's own asking the D-Bus token service (tests/e2e/programs).
test_pkgs=(xvfb xauth dbus dbus-x11 fonts-dejavu-core fonts-liberation gnome-keyring libsecret-tools
  xdotool xclip webkit2gtk-driver at-spi2-core libglib2.0-bin procps dunst python3-dbus)
# `make bench`: dbus-monitor counts keychain calls, gnuplot draws the plots.
bench_pkgs=(dbus-bin gnuplot-nox)
# `make package`: dpkg-shlibdeps (dpkg-dev) computes the package's library dependencies;
# `make package-test`: desktop-file-utils validates the entry and builds the handler cache (its dpkg
# trigger).
package_pkgs=(dpkg-dev desktop-file-utils)

case "${1:-build}" in
  build) wanted=("${build_pkgs[@]}") ;;
  test) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}") ;;
  bench) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${bench_pkgs[@]}") ;;
  package) wanted=("${build_pkgs[@]}" "${test_pkgs[@]}" "${package_pkgs[@]}") ;;
  *) echo "usage: $0 build|test|bench|package" >&2; exit 2 ;;
esac

if ! command -v dpkg-query >/dev/null; then
  echo "This is not a Debian-based system: install the equivalents of these packages yourself:" >&2
  echo "  ${wanted[*]}" >&2
  exit 0
fi

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing system packages: ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null; then
  sudo=(sudo)
else
  echo "These packages are missing and neither root nor sudo is available to install them:" >&2
  echo "  ${missing[*]}" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${sudo[@]}" apt-get update -qq
"${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
