#!/usr/bin/env bash
# Stops the Claudio daemon named in its instance lock files, then removes stale lock files (SPEC §8).
#
# It finds the lock directory the way the daemon does (CLAUDIO_LOCK_DIR from the environment, else from ./.env,
# else $TMPDIR, else /tmp), checks that each PID really is a `claudio run` process, sends SIGTERM, waits, then
# SIGKILL. It never kills by a broad name pattern.
set -euo pipefail

grace_seconds="${GRACE_SECONDS:-10}"

lock_dir="${CLAUDIO_LOCK_DIR:-}"
if [[ -z "$lock_dir" && -f .env ]]; then
  lock_dir=$(sed -n -E 's/^[[:space:]]*(export[[:space:]]+)?CLAUDIO_LOCK_DIR[[:space:]]*=[[:space:]]*//p' .env \
    | tail -n 1 | sed -E "s/[[:space:]]+#.*$//; s/^[\"']//; s/[\"']$//")
fi
lock_dir="${lock_dir:-${TMPDIR:-/tmp}}"

is_claudio_run() {
  local pid=$1
  [[ -r /proc/$pid/cmdline ]] || return 1
  local -a argv
  mapfile -d '' argv < "/proc/$pid/cmdline" || return 1
  [[ ${#argv[@]} -ge 2 && "$(basename -- "${argv[0]}")" == "claudio" && "${argv[1]}" == "run" ]]
}

status=0
for lock in "$lock_dir/telegram_claude_bot.lock" "$lock_dir/slack_claude_bot.lock"; do
  [[ -f "$lock" ]] || continue
  pid=$(tr -dc '0-9' < "$lock" || true)
  if [[ -z "$pid" ]] || ! kill -0 "$pid" 2>/dev/null; then
    echo "Removing stale lock $lock${pid:+ (PID $pid is not running)}"
    rm -f -- "$lock"
    continue
  fi
  if ! is_claudio_run "$pid"; then
    echo "PID $pid in $lock is not a 'claudio run' process; leaving it alone and keeping the lock file." >&2
    status=1
    continue
  fi
  echo "Stopping Claudio (PID $pid, lock $lock)…"
  kill -TERM "$pid" 2>/dev/null || true
  for ((i = 0; i < grace_seconds * 10; i++)); do
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.1
  done
  if kill -0 "$pid" 2>/dev/null && is_claudio_run "$pid"; then
    echo "PID $pid did not stop within ${grace_seconds}s; sending SIGKILL." >&2
    kill -KILL "$pid" 2>/dev/null || true
  fi
  rm -f -- "$lock"
done
exit $status
