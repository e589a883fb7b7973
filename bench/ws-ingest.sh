#!/usr/bin/env bash
# Reverse WebSocket vs HTTP POST ingest (bench/README.md). Starts target/tallybot.jar (-Xmx256m) with
# TALLYBOT_ONEBOT_MODE=http,ws-reverse on a fresh SQLite file, then for each transport sends COUNT signed OneBot group
# reports (ingest/events.py, unique message ids) from 127.0.0.1 with ingest/OneBotLoad.java over CONNECTIONS
# connections: HTTP as POSTs to /webhook/onebot (a 2xx means committed), WebSocket as text frames on reverse
# connections of one account, whose action frames (the replies) the client answers by echo. The time runs from the
# first send until activity_record holds every report of the run (polled with sqlite3 every 50 ms, at most 300 s).
# Replies to WebSocket messages leave through the per-group outbound queues; the QQ pace is lifted
# (send-pace.onebot) so that the queues, not the per-group budget, are what the run sees; replies given up (too old
# to matter) are counted from the log.
# Repeated RUNS times on a fresh database and JVM, transports alternating first.
# Usage: bench/ws-ingest.sh                 (RUNS=3 COUNT=20000 CONNECTIONS=8; needs python3, sqlite3, java)
#        RUNS=1 COUNT=2000 bench/ws-ingest.sh   (smoke)
# Exits 1 when a run does not commit every report within 300 s.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-3}
count=${COUNT:-20000}
connections=${CONNECTIONS:-8}
secret=${BENCH_SECRET:-bench-secret}
token=bench-token
jar="$bench_root/target/tallybot.jar"
[ -f "$jar" ] || { echo "ws-ingest: $jar missing (mvn -B package -DskipTests)"; exit 1; }
for tool in python3 sqlite3 java curl; do
  command -v "$tool" > /dev/null || { echo "ws-ingest: $tool missing"; exit 1; }
done

tmp=$(mktemp -d)
bot=""
client=""
cleanup() { [ -n "$client" ] && stop_pid "$client"; [ -n "$bot" ] && stop_pid "$bot"; rm -rf "$tmp"; }
trap cleanup EXIT
load="$bench_root/bench/ingest/OneBotLoad.java"

# until_rows DB N: waits until activity_record has N rows, at most 300 s; prints the ms it took from $t0
until_rows() {
  local deadline=$(( $(date +%s) + 300 ))
  while [ "$(sqlite3 "$1" 'SELECT COUNT(*) FROM activity_record' 2>/dev/null || echo 0)" -lt "$2" ]; do
    [ "$(date +%s)" -lt "$deadline" ] || { echo "ws-ingest: only $(sqlite3 "$1" 'SELECT COUNT(*) FROM activity_record') of $2 rows after 300 s" >&2; return 1; }
    sleep 0.05
  done
  echo $(( $(now_ms) - t0 ))
}

echo "ws-ingest: $(nproc) cores, $(load_note), $count reports x $connections connections x runs $runs"
for run in $(seq 1 "$runs"); do
  work="$tmp/run$run"
  mkdir -p "$work"
  cp -r "$bench_root/bot-config" "$work/"
  port=$(free_port)
  BOT_JAVA_OPTS="-Dtallybot.onebot.mode=http,ws-reverse -Dtallybot.onebot.access-token=$token \
-Dtallybot.coordination.send-pace.onebot=1000000/1s ${BOT_JAVA_OPTS:-}" start_bot "$work" "$port" "$work/bot.log"
  bot=$BOT_PID
  wait_healthy "$port" "$bot" 300 || { tail -40 "$work/bot.log"; exit 1; }
  order="http ws"
  [ $((run % 2)) = 0 ] && order="ws http"
  rows=0
  for transport in $order; do
    first=$(( (run * 10 + ${#transport}) * 1000000 ))
    python3 "$bench_root/bench/ingest/events.py" "$secret" "$first" "$count" > "$tmp/$transport.tsv"
    rows=$((rows + count))
    t0=$(now_ms)
    java "$load" "$transport" "$port" "$token" "$tmp/$transport.tsv" "$connections" > "$work/$transport.out" 2>&1 &
    client=$!
    ms=$(until_rows "$work/tallybot.db" "$rows") || exit 1
    if [ "$transport" = ws ]; then sleep 2; fi   # let the last replies' answers arrive
    stop_pid "$client"
    client=""
    echo "run $run $transport: $count reports committed in $ms ms: $(( count * 1000 / ms )) reports/s"
    echo "$run $transport $(( count * 1000 / ms ))" >> "$tmp/table"
  done
  dropped=$(grep -c 'Outbound .* not sent' "$work/bot.log" || true)
  answered=$(grep 'ANSWERED' "$work/ws.out" | tail -1 | sed 's/.*=//')
  echo "run $run: replies over WebSocket answered by the client ${answered:-0}, given up unsent $dropped"
  echo "$run drops $dropped" >> "$tmp/table"
  stop_pid "$bot"
  bot=""
done

col() { awk -v t="$1" '$2 == t { print $3 }' "$tmp/table"; }
echo
echo "## ws-ingest: medians of $runs runs, $count reports, $connections connections ($(load_note))"
echo "| transport | reports/s (start to all committed) |"
echo "|---|---|"
echo "| HTTP POST /webhook/onebot | $(median $(col http)) |"
echo "| reverse WebSocket /onebot/v11/ws | $(median $(col ws)) |"
echo
echo "replies given up unsent per run: $(col drops | tr '\n' ' ')"
