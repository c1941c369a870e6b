#!/usr/bin/env bash
# Runs a command inside a private test desktop, so tests never touch a person's real keychain,
# config or display:
#   - its own D-Bus session bus (dbus-run-session), so single-instance and the Secret Service are private;
#   - a fresh gnome-keyring with an unlocked login collection (a real Secret Service);
#   - Xvfb on a free display;
#   - HOME and XDG_* folders in a temporary directory, removed afterwards (KEEP_TEST_HOME=1 keeps it).
# Usage: tests/session.sh COMMAND [ARGS…]   (cargo/rustup keep working: their homes are pinned first)
set -euo pipefail

if [ -z "${PLUGBOARD_TEST_SESSION:-}" ]; then
  export CARGO_HOME="${CARGO_HOME:-$HOME/.cargo}"
  export RUSTUP_HOME="${RUSTUP_HOME:-$HOME/.rustup}"
  export PLUGBOARD_TEST_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/plugboard-test.XXXXXX")
cleanup() {
  local code=$?
  [ -n "${xvfb_pid:-}" ] && kill "$xvfb_pid" 2>/dev/null || true
  [ -n "${keyring_pid:-}" ] && kill "$keyring_pid" 2>/dev/null || true
  if [ -n "${KEEP_TEST_HOME:-}" ]; then echo "test home kept at $tmp" >&2; else rm -rf "$tmp"; fi
  exit "$code"
}
trap cleanup EXIT INT TERM

export HOME="$tmp/home"
export XDG_CONFIG_HOME="$tmp/config" XDG_DATA_HOME="$tmp/data" XDG_CACHE_HOME="$tmp/cache" XDG_STATE_HOME="$tmp/state"
export XDG_RUNTIME_DIR="$tmp/runtime"
mkdir -p "$HOME" "$XDG_CONFIG_HOME" "$XDG_DATA_HOME" "$XDG_CACHE_HOME" "$XDG_STATE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
export PLUGBOARD_TEST_HOME="$tmp"
# Tests read English unless they ask for another language (whatever this machine's locale is).
export PLUGBOARD_LOCALE=en
# WebKitGTK in a container: no sandbox for the web process, no GPU compositing under Xvfb.
export WEBKIT_DISABLE_COMPOSITING_MODE=1 WEBKIT_DISABLE_DMABUF_RENDERER=1 NO_AT_BRIDGE=1 GDK_BACKEND=x11

# A real Secret Service: gnome-keyring, its login collection created and unlocked with a throwaway password.
eval "$(printf 'plugboard-test' | gnome-keyring-daemon --unlock --components=secrets --control-directory="$tmp/runtime/keyring")"
export GNOME_KEYRING_CONTROL
for _ in $(seq 50); do
  gdbus introspect --session --dest org.freedesktop.secrets --object-path /org/freedesktop/secrets >/dev/null 2>&1 && break
  sleep 0.1
done
# The daemon forks away from us: its id is the one owning the Secret Service on this private bus,
# so cleanup ends exactly the keyring this session started.
keyring_pid=$(gdbus call --session --dest org.freedesktop.DBus --object-path /org/freedesktop/DBus \
  --method org.freedesktop.DBus.GetConnectionUnixProcessID org.freedesktop.secrets 2>/dev/null \
  | sed -n 's/.*uint32 \([0-9][0-9]*\).*/\1/p' || true)

# Xvfb on the first free display it finds (-displayfd writes the number once the server is ready).
Xvfb -displayfd 3 -screen 0 1280x800x24 -nolisten tcp 3>"$tmp/display" 2>"$tmp/xvfb.log" &
xvfb_pid=$!
for _ in $(seq 100); do
  [ -s "$tmp/display" ] && break
  kill -0 "$xvfb_pid" 2>/dev/null || break
  sleep 0.1
done
display_number=$(tr -dc 0-9 <"$tmp/display" 2>/dev/null || true)
if [ -z "$display_number" ]; then
  echo "Xvfb did not start; its log:" >&2; cat "$tmp/xvfb.log" >&2; exit 1
fi
export DISPLAY=":$display_number"
# As a desktop's login does: programs the bus starts (D-Bus activation) get the session's display
# and folders.
dbus-update-activation-environment --all 2>/dev/null || true

"$@"
