#!/usr/bin/env bash
# Installs what building, running and testing Claudio need on Debian/Ubuntu. Idempotent: installs only what is missing.
set -euo pipefail

packages=(
  pkg-config
  libcurl4-openssl-dev   # every outbound HTTP call and the admin client
  libncurses-dev         # the console (ncursesw)
  libsqlite3-dev         # state (GRDB)
  tmux                   # the console's end-to-end tests
  procps                 # ps/pgrep used by scripts/kill_bot_processes.sh
  util-linux             # setsid, runuser and setpriv (tests), flock
  bubblewrap             # JOB_SANDBOX: every job runs in its own namespaces (bwrap)
  curl                   # tests: a job trying the admin socket
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "Installing: ${missing[*]}"
  sudo_cmd=()
  if [[ $(id -u) -ne 0 ]]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v swift >/dev/null 2>&1; then
  echo "swift is not in PATH: install Swift 6.2 or newer from swift.org and try again." >&2
  exit 1
fi
