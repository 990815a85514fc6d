#!/usr/bin/env bash
# Stops the Virtuoso started by start.sh DIR: by its PID, politely first.
dir=${1:?usage: stop.sh DIR}
pid=$(cat "$dir/pid" 2>/dev/null) || exit 0
kill -TERM "$pid" 2>/dev/null
for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || exit 0; sleep 0.1; done
kill -KILL "$pid" 2>/dev/null
exit 0
