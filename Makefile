# `make run` and `make test` do all the set-up on a fresh Debian machine.
SWIFT ?= swift
ENV_FILE ?= .env

.PHONY: setup build release run env-file test bench demo clean

setup:
	bash scripts/setup.sh

build: setup
	$(SWIFT) build --build-tests

release: setup
	$(SWIFT) build -c release

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

# Benchmarks in release mode: the in-process ones and the release binary end to end (see BENCHMARKS.md).
bench: setup
	$(SWIFT) build -c release --product claudio
	$(SWIFT) package --allow-writing-to-package-directory benchmark --scale --no-progress

# Claudio seen whole without a bot token: the daemon against a fake Telegram on 127.0.0.1 with scripted users and the
# scripted claude, and the console on it. Nothing leaves the machine; quitting the console stops everything.
demo: setup
	$(SWIFT) build --product claudio
	$(SWIFT) build --product claudio-tui
	$(SWIFT) build --product ClaudioDemo
	"$$($(SWIFT) build --show-bin-path)/ClaudioDemo"

clean:
	$(SWIFT) package clean
