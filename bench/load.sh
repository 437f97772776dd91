#!/usr/bin/env bash
# Load test of `verbatim serve` on loopback: wrk (Debian package) posting the
# quotations of a query set to /v1/find.
#   bash bench/load.sh CORPUS QUERIES.jsonl [CONNECTIONS] [SECONDS]
# Prints wrk's latency distribution, requests/s, non-200 count, and the
# server's peak RSS.
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=$1; queries=$2; conns=${3:-200}; secs=${4:-60}
bin=target/release/verbatim
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install wrk" >&2; exit 2; }
port=$((20000 + RANDOM % 20000))
"$bin" --corpus "$corpus" serve --addr "127.0.0.1:$port" --timeout 30 2>/tmp/verbatim-load-serve.log &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 50); do grep -q serving /tmp/verbatim-load-serve.log 2>/dev/null && break; sleep 0.2; done
peak=0
( while kill -0 $pid 2>/dev/null; do r=$(awk '/VmRSS/{print $2}' /proc/$pid/status 2>/dev/null || echo 0); [ "${r:-0}" -gt "$peak" ] && peak=$r && echo $peak > /tmp/verbatim-load-peak; sleep 0.5; done ) &
watcher=$!
wrk -t2 -c"$conns" -d"${secs}s" --timeout 30s --latency -s bench/load.lua "http://127.0.0.1:$port" -- "$queries"
kill $watcher 2>/dev/null || true
echo "server peak RSS: $(( $(cat /tmp/verbatim-load-peak) / 1024 )) MB"
