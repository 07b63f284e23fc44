#!/usr/bin/env bash
# Installs the real Claude Code CLI for the end-to-end tests, without npm: the PyPI wheel `claude-agent-sdk` bundles
# the CLI as one self-contained binary (claude_agent_sdk/_bundled/claude), so this downloads a pinned wheel with pip,
# extracts only that binary and links it at a stable path the tests look for.
#
#   <cache>/<cli version>/claude   the binary
#   <cache>/claude                 symlink to it (what the tests run)
#
# <cache> is $CLAUDE_CLI_CACHE, else .cache/claude-cli in the repository (git-ignored). Idempotent: when the pinned
# version is already there and runs, nothing is downloaded. Prints the binary's path and `--version`.
set -euo pipefail

# claude-agent-sdk 0.2.188 bundles Claude Code 2.1.331, the version the fixtures in
# Tests/ClaudioBotTests/Fixtures/claude-stream-json were captured from. Bump both together.
sdk_version="0.2.188"
cli_version="2.1.331"

repository="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${CLAUDE_CLI_CACHE:-$repository/.cache/claude-cli}"
target_dir="$cache/$cli_version"
binary="$target_dir/claude"
link="$cache/claude"

fail() {
  echo "install-claude-cli: $*" >&2
  exit 1
}

reports_version() {
  local reported
  reported="$("$1" --version 2>/dev/null)" || return 1
  [[ "$reported" == "$cli_version"* ]]
}

link_and_report() {
  ln -sfn "$cli_version/claude" "$link"
  echo "Claude Code CLI: $link -> $binary"
  echo "version: $("$link" --version)"
}

mkdir -p "$cache" || fail "cannot create the cache folder $cache"

if [[ -x "$binary" ]] && reports_version "$binary"; then
  link_and_report
  exit 0
fi

python=""
for candidate in python3 python; do
  if command -v "$candidate" >/dev/null 2>&1 && "$candidate" -m pip --version >/dev/null 2>&1; then
    python="$candidate"
    break
  fi
done
[[ -n "$python" ]] || fail "needs Python with pip to download claude-agent-sdk from PyPI (Debian: apt-get install python3-pip)."

download="$(mktemp -d "$cache/download.XXXXXX")"
trap 'rm -rf "$download"' EXIT

echo "Downloading claude-agent-sdk $sdk_version (Claude Code $cli_version) from PyPI…"
if ! "$python" -m pip download --quiet --no-deps --only-binary=:all: --dest "$download" \
  "claude-agent-sdk==$sdk_version" >&2; then
  fail "pip could not download claude-agent-sdk==$sdk_version (is PyPI reachable? is there a wheel for $(uname -m)?)."
fi

wheel="$(find "$download" -maxdepth 1 -name 'claude_agent_sdk-*.whl' | head -n 1)"
[[ -n "$wheel" ]] || fail "pip downloaded no claude_agent_sdk wheel into $download."

# Only the bundled binary (about 400 MB); the Python package itself is not needed.
if ! "$python" - "$wheel" "$download/claude" <<'PYTHON'
import shutil, sys, zipfile
wheel, destination = sys.argv[1], sys.argv[2]
with zipfile.ZipFile(wheel) as archive:
    try:
        member = archive.open("claude_agent_sdk/_bundled/claude")
    except KeyError:
        sys.exit("the wheel has no claude_agent_sdk/_bundled/claude")
    with member, open(destination, "wb") as output:
        shutil.copyfileobj(member, output)
PYTHON
then
  fail "could not extract claude_agent_sdk/_bundled/claude from $(basename "$wheel")."
fi
chmod +x "$download/claude"
reports_version "$download/claude" ||
  fail "the extracted CLI does not report version $cli_version (it says: $("$download/claude" --version 2>&1 | head -n 1))."

mkdir -p "$target_dir"
# A rename within one file system, so a concurrent reader never sees a half-written binary.
mv -f "$download/claude" "$binary"
link_and_report
