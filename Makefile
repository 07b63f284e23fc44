# `make run` and `make test` do all the set-up on a fresh Debian machine.
SWIFT ?= swift
ENV_FILE ?= .env
# Release binaries link the Swift runtime and Foundation statically: no ICU or Foundation shared libraries to load
# and relocate at start-up, and only the pages used are mapped (BENCHMARKS.md has what it bought). SwiftPM already
# dead-strips release links (--gc-sections).
RELEASE_FLAGS ?= -c release --static-swift-stdlib

.PHONY: setup build release run env-file test bench demo clean

setup:
	bash scripts/setup.sh

build: setup
	$(SWIFT) build --build-tests

release: setup
	$(SWIFT) build $(RELEASE_FLAGS)

# The env file is checked before the release build, which takes minutes (also under `make -j`).
run: env-file
	$(MAKE) release
	exec .build/release/claudio run --env-file "$(ENV_FILE)"

env-file:
	@if [ ! -f "$(ENV_FILE)" ]; then \
		echo "No $(ENV_FILE) here: copy .env.example to $(ENV_FILE) and fill in your tokens and user IDs."; exit 2; \
	fi

test: build
	bash scripts/install-claude-cli.sh
	$(SWIFT) test --skip-build

# Benchmarks in release mode: the in-process ones and the release binary end to end (see BENCHMARKS.md). The
# benchmarks build in a scratch directory of their own, so the two builds' different flags never undo each other.
bench: setup
	$(SWIFT) build $(RELEASE_FLAGS) --product claudio
	$(SWIFT) package --scratch-path .build/bench --allow-writing-to-package-directory benchmark --scale --no-progress

# Claudio seen whole without a bot token: the daemon against a fake Telegram on 127.0.0.1 with scripted users and the
# scripted claude, and the console on it. Nothing leaves the machine; quitting the console stops everything.
demo: setup
	$(SWIFT) build --product claudio
	$(SWIFT) build --product claudio-tui
	$(SWIFT) build --product ClaudioDemo
	"$$($(SWIFT) build --show-bin-path)/ClaudioDemo"

clean:
	$(SWIFT) package clean
