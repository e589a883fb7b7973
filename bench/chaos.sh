#!/usr/bin/env bash
# Chaos check of the ledger: kill -9 the bot while signed reports pour in, start it again on the same SQLite file,
# redeliver every event (as go-cqhttp does for one it got no answer to), then count.
#   lost        acknowledged reports (HTTP 200, "已记录") missing after the restart: must be 0
#   duplicates  records beyond one per message id after the redelivery: must be 0
#   wrong       records whose figure is not the one their message said: must be 0
#   missing     messages without a record after the redelivery: must be 0
# The kill comes once KILL_AT reports are acknowledged (a third by default), so that some are in flight then.
# Usage: bench/chaos.sh                 (EVENTS=3000 CONCURRENCY=16, about a minute)
#        EVENTS=600 bench/chaos.sh      (the short form .ci/run runs)
# Needs target/tallybot.jar, python3, sqlite3, curl. Exits 1 when any count above is not 0.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

events=${EVENTS:-3000}
concurrency=${CONCURRENCY:-16}
kill_at=${KILL_AT:-$(( events / 3 ))}
secret=${BENCH_SECRET:-bench-secret}
export BENCH_SECRET=$secret
jar="$bench_root/target/tallybot.jar"
[ -f "$jar" ] || { echo "chaos: $jar missing (mvn -B package -DskipTests)"; exit 1; }
work=$(mktemp -d)
pid=""
loader=""
cleanup() {
  [ -n "$loader" ] && kill "$loader" 2>/dev/null
  [ -n "$pid" ] && stop_pid "$pid"
  rm -rf "$work"
}
trap cleanup EXIT
cp -r "$bench_root/bot-config" "$work/"
port=$(free_port)
first=1000000

start_bot "$work" "$port" "$work/bot-1.log"
pid=$BOT_PID
wait_healthy "$port" "$pid" 120 || { tail -30 "$work/bot-1.log"; exit 1; }

echo "chaos: $events reports, $concurrency at a time, kill -9 after $kill_at acknowledged ($(load_note))"
python3 "$bench_root/bench/chaos/load.py" "$port" "$secret" "$first" "$events" "$concurrency" "$work/acked" &
loader=$!
touch "$work/acked"
for _ in $(seq 1 1200); do
  [ "$(wc -l < "$work/acked")" -ge "$kill_at" ] && break
  kill -0 "$loader" 2>/dev/null || break
  sleep 0.05
done
kill -9 "$pid"
wait "$pid" 2>/dev/null || true
pid=""
wait "$loader" || true
loader=""
acked=$(wc -l < "$work/acked")

start_bot "$work" "$port" "$work/bot-2.log"
pid=$BOT_PID
wait_healthy "$port" "$pid" 120 || { tail -30 "$work/bot-2.log"; exit 1; }
stored_acked=$( { echo "CREATE TEMP TABLE acked (id TEXT PRIMARY KEY);"
  sort -u "$work/acked" | awk '{ print "INSERT INTO acked VALUES (\x27" $1 "\x27);" }'
  echo "SELECT COUNT(*) FROM acked WHERE id IN (SELECT message_id FROM activity_record WHERE status = 'active');"
} | sqlite3 "$work/tallybot.db")
lost=$(( acked - stored_acked ))

# Every event again: a redelivery of an acknowledged one must not make a second record, the rest are stored now.
python3 "$bench_root/bench/chaos/load.py" "$port" "$secret" "$first" "$events" "$concurrency" "$work/acked-again"
stop_pid "$pid"
pid=""

query() { sqlite3 "$work/tallybot.db" "$1"; }
records=$(query "SELECT COUNT(*) FROM activity_record")
distinct=$(query "SELECT COUNT(DISTINCT message_id) FROM activity_record")
duplicates=$(( records - distinct ))
missing=$(( events - distinct ))
wrong=$(query "SELECT COUNT(*) FROM activity_record r JOIN record_metric m ON m.record_id = r.id
  WHERE m.metric_key = 'visits' AND m.value != CAST(r.message_id AS INTEGER) % 997 + 1")

echo
echo "## chaos: kill -9 under load, restart, redeliver ($(load_note))"
echo "| events | acknowledged before the kill | lost | records after redelivery | duplicates | missing | wrong figures |"
echo "|---|---|---|---|---|---|---|"
echo "| $events | $acked | $lost | $records | $duplicates | $missing | $wrong |"
[ "$lost" = 0 ] && [ "$duplicates" = 0 ] && [ "$missing" = 0 ] && [ "$wrong" = 0 ] || { echo "chaos: FAILED"; exit 1; }
echo "chaos: ok"
