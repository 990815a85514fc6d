#!/usr/bin/env bash
# Starts a throw-away OpenLink Virtuoso for the push tests: database in DIR,
# listening on 127.0.0.1 only (SQL 1111, HTTP 8890), login dba/dba.
# Writes DIR/pid; stop it with tests/virtuoso/stop.sh DIR.
set -euo pipefail
dir=$(realpath -m "${1:?usage: start.sh DIR}")
mkdir -p "$dir/db"
for port in 1111 8890; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
    echo "port $port is already in use: is another Virtuoso running?" >&2
    exit 1
  fi
done
cat > "$dir/virtuoso.ini" <<INI
[Database]
DatabaseFile = $dir/db/virtuoso.db
ErrorLogFile = $dir/db/virtuoso.log
ErrorLogLevel = 7
LockFile = $dir/db/virtuoso.lck
TransactionFile = $dir/db/virtuoso.trx
xa_persistent_file = $dir/db/virtuoso.pxa
FileExtend = 200
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/db/virtuoso-temp.db
TransactionFile = $dir/db/virtuoso-temp.trx
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:1111
DisableUnixSocket = 1
MaxClientConnections = 8
CheckpointInterval = 60
NumberOfBuffers = 20000
MaxDirtyBuffers = 15000

[HTTPServer]
ServerPort = 127.0.0.1:8890
ServerRoot = $dir
MaxClientConnections = 8
ServerThreads = 8
Charset = UTF-8

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryExecutionTime = 60
INI
cd "$dir"
virtuoso-t +configfile "$dir/virtuoso.ini" +foreground > "$dir/stdout.log" 2>&1 &
echo $! > "$dir/pid"
for _ in $(seq 1 240); do
  if python3 -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:8890/sparql?query=ASK%7B%7D', timeout=2)" 2>/dev/null; then
    exit 0
  fi
  kill -0 "$(cat "$dir/pid")" 2>/dev/null || { echo "virtuoso stopped:" >&2; tail -n 20 "$dir/db/virtuoso.log" >&2; exit 1; }
  sleep 0.5
done
echo "virtuoso was not ready after 120 s" >&2
exit 1
