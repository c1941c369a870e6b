# Plugboard — two commands: `make run` and `make test` (see README.md). `make demo` comes with the
# provider simulator. Builds use two jobs: the machines this is built on have two cores.
CARGO ?= cargo
JOBS ?= 2
# Development builds carry the provider simulator (`make demo`, the tests); release builds do not.
FEATURES ?= --features plugboard/demo,plugboard-cli/demo
TAURI_DRIVER_VERSION ?= ^2
export PATH := $(HOME)/.cargo/bin:$(PATH)

# `make demo` (optional): the app against the bundled provider simulator, no accounts needed.
CARGO_DEB_VERSION ?= 3.8.0
.PHONY: run demo test deps-build deps-test deps-bench deps-package tools build release package package-test lint icons screenshot bench bench-cli fuzz

## Build and start the app (installs missing system packages first).
run: deps-build build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found. Run Plugboard from a desktop session (or: xvfb-run -a make run)."; exit 1; fi
	./target/debug/plugboard

## The app in demo mode: the provider simulator runs in-process; keychain items and index kept apart.
demo: deps-build build
	@if [ -z "$$DISPLAY" ] && [ -z "$$WAYLAND_DISPLAY" ]; then \
	  echo "No display found. Run Plugboard from a desktop session (or: xvfb-run -a make demo)."; exit 1; fi
	PLUGBOARD_DEMO=1 ./target/debug/plugboard

## Everything CI checks: formatting, lints, unit + integration tests, and the e2e suite in the real window.
test: deps-test tools lint build
	tests/session.sh $(CARGO) test -j$(JOBS) --workspace $(FEATURES) -- --include-ignored
	@# The command line as a release build has it (no simulator): demo mode refused in words.
	$(CARGO) test -j$(JOBS) -p plugboard-cli --lib
	@scripts/check-no-sim.sh

deps-build:
	@scripts/install-deps.sh build

deps-test:
	@scripts/install-deps.sh test

deps-bench:
	@scripts/install-deps.sh bench

## tauri-driver bridges WebDriver to WebKitWebDriver for the e2e suite.
tools:
	@tauri-driver --help >/dev/null 2>&1 || $(CARGO) install tauri-driver --version '$(TAURI_DRIVER_VERSION)' --locked -j$(JOBS)

build:
	$(CARGO) build -j$(JOBS) --workspace $(FEATURES)

## Release binaries as shipped: the window (page embedded, no simulator) and the command line.
release: deps-build
	$(CARGO) build -j$(JOBS) --release -p plugboard -p plugboard-cli --features plugboard/custom-protocol

## A .deb of the release build (cargo-deb): both binaries, the desktop entry that registers the
## sign-in scheme, icons, the command line's man page and completions. Prints its size.
package: deps-package release
	JOBS=$(JOBS) scripts/package.sh

## Installs the .deb on this machine (dpkg -i, root or sudo), tests the installed app in the
## private test desktop, removes it (dpkg -r) and checks nothing is left. Not in `make test`: the
## release build and the package take longer than the ~3 minutes it may add.
package-test: deps-test tools package
	JOBS=$(JOBS) scripts/package-test.sh

deps-package:
	@scripts/install-deps.sh package
	@cargo deb --version 2>/dev/null | grep -q ' $(CARGO_DEB_VERSION)$$' || $(CARGO) install cargo-deb --version '$(CARGO_DEB_VERSION)' --locked -j$(JOBS)

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy -j$(JOBS) --workspace --all-targets $(FEATURES) -- -D warnings
	$(CARGO) clippy -j$(JOBS) -p plugboard-e2e --test package -- -D warnings

## Regenerates icons/ from icons/icon.svg (needs librsvg2-bin and imagemagick).
icons:
	icons/make-icons.sh

## Retakes docs/screenshot*.png of the real window under Xvfb (needs imagemagick).
screenshot: deps-test
	scripts/screenshot.sh

## Fuzzes the parsers of untrusted input (callbacks, token answers, provider files, stored files) for
## FUZZ_SECONDS each (60) with cargo-fuzz; prints executions and crashes per target.
fuzz: deps-build
	FUZZ_SECONDS=$(or $(FUZZ_SECONDS),60) JOBS=$(JOBS) scripts/fuzz.sh

## Measures the release binaries against comparators in the same run (a bare Tauri window of the
## same tauri, secret-tool, curl) at 0, 100 and 1,000 connections; prints the table with ratios,
## writes CSV and PNG plots to target/bench (see PERFORMANCE.md). Takes ~15 min after the builds.
bench: deps-bench tools release
	$(CARGO) build -j$(JOBS) --release -p bare-window --features bare-window/custom-protocol
	$(CARGO) build -j$(JOBS) --release -p plugboard-bench
	tests/session.sh target/release/plugboard-bench

## Prints how long `plugboard providers` and `plugboard status --json` take per run, and peak memory.
bench-cli: deps-test build
	tests/session.sh scripts/bench-cli.sh
