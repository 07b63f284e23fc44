# `make run` and `make test` do all the set-up on a fresh Debian machine.
SWIFT ?= swift
ENV_FILE ?= .env

.PHONY: setup build release run env-file test bench clean

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

clean:
	$(SWIFT) package clean
