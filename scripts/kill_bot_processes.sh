#!/usr/bin/env bash
# Stops the Claudio daemon holding its instance lock files, then removes stale lock files (SPEC §8).
#
# It finds the lock directory the way the daemon does (CLAUDIO_LOCK_DIR from the environment, else from ./.env,
# else $TMPDIR, else /tmp), checks that each PID really is a `claudio run` process, sends SIGTERM, waits, then
# SIGKILL. It never kills by a broad name pattern.
#
# A lock file is live while some process holds its flock — the daemon takes it before it writes its PID, so an empty
# file can be a daemon starting — and stale only when nobody does, whatever PID it names. A stale file is removed
# while this script holds its lock, so no daemon can take that lock at the same moment (a daemon that opened the file
# just before re-opens the path when it finds its file gone). Lock files are only ever opened read-only here: in a
# shared directory one could be a link planted to make a writer overwrite something else.
set -euo pipefail

grace_seconds="${GRACE_SECONDS:-10}"
# How long a held lock may go without a PID (a daemon between `flock` and writing it) before we give up on it.
pid_wait_tenths="${PID_WAIT_TENTHS:-20}"

if ! command -v flock >/dev/null 2>&1; then
  echo "flock (util-linux) is needed to tell a live lock file from a stale one; install util-linux." >&2
  exit 2
fi

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

# Removes `$1` if no process holds its lock, holding the lock meanwhile. Returns 1 when it is held (live), 2 when it
# cannot be opened.
remove_if_stale() {
  local lock=$1 fd
  [[ -e "$lock" ]] || return 0
  exec {fd}<"$lock" || return 2
  if ! flock -n "$fd"; then
    exec {fd}<&-
    return 1
  fi
  # Only if the path still names the file we locked, not one a starting daemon has just put there.
  if [[ "$(stat -L -c '%d:%i' "/proc/$$/fd/$fd")" == "$(stat -c '%d:%i' -- "$lock" 2>/dev/null)" ]]; then
    rm -f -- "$lock"
    echo "Removed stale lock $lock"
  fi
  exec {fd}<&-
  return 0
}

# The PID in a held lock file; waits a little for a starting daemon to write it. Empty when none appeared.
read_pid() {
  local lock=$1 pid="" i
  for ((i = 0; i <= pid_wait_tenths; i++)); do
    pid=$(tr -dc '0-9' < "$lock" 2>/dev/null || true)
    [[ -n "$pid" ]] && break
    sleep 0.1
  done
  echo "$pid"
}

status=0
for lock in "$lock_dir/telegram_claude_bot.lock" "$lock_dir/slack_claude_bot.lock"; do
  [[ -e "$lock" || -L "$lock" ]] || continue
  if [[ -L "$lock" || ! -f "$lock" ]]; then
    echo "$lock is not a regular file (planted by someone?); leaving it alone." >&2
    status=1
    continue
  fi
  held=0
  remove_if_stale "$lock" || held=$?
  if ((held == 0)); then continue; fi
  if ((held == 2)); then
    echo "cannot open $lock to see whether a daemon holds it; leaving it." >&2
    status=1
    continue
  fi
  pid=$(read_pid "$lock")
  if [[ -z "$pid" ]]; then
    echo "$lock is held but names no PID yet (a daemon starting?); leaving it. Run this again in a moment." >&2
    status=1
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
    for ((i = 0; i < 50; i++)); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
  fi
  # A daemon that stopped cleanly removed its file; a killed one left it unlocked; a new one may hold it already.
  held=0
  remove_if_stale "$lock" || held=$?
  if ((held != 0)); then echo "$lock is held again (a new daemon started?); leaving it."; fi
done
exit $status
