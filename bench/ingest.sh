#!/usr/bin/env bash
# Ingest benchmark (bench/README.md). Starts target/tallybot.jar (-Xmx256m) on a fresh SQLite file in a temp folder
# with a copy of bot-config/, then drives it with wrk (2 threads) from 127.0.0.1 only:
#   warm-up   8 connections, heartbeats then reports, WARMUP each
#   measured  heartbeats and reports at 8 connections, then at 64, DURATION each
# Reports are signed OneBot group messages with unique message ids (ingest/events.py pre-signs them; wrk posts
# each line once, ingest/post.lua). Heartbeats are signed meta_events, verified then ignored (204): the ceiling
# of this HTTP + verification stack. After the load: heap used (and live after a full GC) via jcmd, then the bot
# is stopped and activity_record rows are counted: every 2xx report must be a row (rows >= 2xx, and at most the
# requests cut off in flight more). Repeated RUNS times, each on a fresh database and JVM; prints a per-run
# table and the medians.
# Usage: bench/ingest.sh            (RUNS=3 DURATION=10s WARMUP=5s; needs wrk, python3, sqlite3, jcmd)
#        GROUP_COMMIT=0 bench/ingest.sh   (group commit off: each message commits alone; the "before" numbers)
#        RUNS=1 DURATION=2s WARMUP=1s bench/ingest.sh   (smoke)
# Exits 1 when a 2xx report is missing from the database.
# Runtime: about RUNS x (4 x DURATION + 2 x WARMUP + 15 s).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

runs=${RUNS:-3}
duration=${DURATION:-10s}
warmup=${WARMUP:-5s}
bodies=${BODIES:-200000}
secret=${BENCH_SECRET:-bench-secret}
export BENCH_SECRET=$secret
jar="$bench_root/target/tallybot.jar"
[ -f "$jar" ] || { echo "ingest: $jar missing (mvn -B package -DskipTests)"; exit 1; }
for tool in wrk python3 sqlite3 jcmd curl; do
  command -v "$tool" > /dev/null || { echo "ingest: $tool missing (apt-get install -y wrk sqlite3)"; exit 1; }
done

tmp=$(mktemp -d)
bot=""
cleanup() { [ -n "$bot" ] && stop_pid "$bot"; rm -rf "$tmp"; }
trap cleanup EXIT

gen="$bench_root/bench/ingest/events.py"
python3 "$gen" "$secret" 1000000 $((bodies / 3)) > "$tmp/warm.tsv"
python3 "$gen" "$secret" 2000000 "$bodies" > "$tmp/r8.tsv"
python3 "$gen" "$secret" 3000000 "$bodies" > "$tmp/r64.tsv"
python3 "$gen" "$secret" 1 2000 heartbeat > "$tmp/hb.tsv"

# load CONNS DURATION FILE: one wrk run; prints its RESULT line
load() {
  wrk -t2 -c"$1" -d"$2" --timeout 5s -s "$bench_root/bench/ingest/post.lua" "http://127.0.0.1:$port" -- "$3" 2 \
    | grep '^RESULT'
}
field() { sed -E "s/.*[ ]$1=([^ ]+).*/\1/" <<< "$2"; }
heap_mb() { jcmd "$1" GC.heap_info | awk '/used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub("K,?", "", v); printf "%.0f\n", v / 1024; exit } }'; }

echo "ingest: $(nproc) cores, $(load_note), duration $duration x runs $runs, group commit max batch ${GROUP_COMMIT:-64 (default)}"
rows_all=()
for run in $(seq 1 "$runs"); do
  work="$tmp/run$run"
  mkdir -p "$work"
  cp -r "$bench_root/bot-config" "$work/"
  port=$(free_port)
  start_bot "$work" "$port" "$work/bot.log"
  bot=$BOT_PID
  wait_healthy "$port" "$bot" 90 || { tail -40 "$work/bot.log"; exit 1; }
  load 8 "$warmup" "$tmp/hb.tsv" > /dev/null
  warm=$(load 8 "$warmup" "$tmp/warm.tsv")
  hb8=$(load 8 "$duration" "$tmp/hb.tsv")
  r8=$(load 8 "$duration" "$tmp/r8.tsv")
  hb64=$(load 64 "$duration" "$tmp/hb.tsv")
  r64=$(load 64 "$duration" "$tmp/r64.tsv")
  sleep 1
  used=$(heap_mb "$bot")
  jcmd "$bot" GC.run > /dev/null
  live=$(heap_mb "$bot")
  stop_pid "$bot"
  bot=""
  rows=$(sqlite3 "$work/tallybot.db" 'SELECT COUNT(*) FROM activity_record')
  ok=$(( $(field ok2xx "$warm") + $(field ok2xx "$r8") + $(field ok2xx "$r64") ))
  for r in "$warm" "$r8" "$r64"; do
    [ "$(field wrapped "$r")" = 0 ] || { echo "ingest: ran out of unique bodies; raise BODIES"; exit 1; }
  done
  committed=yes
  [ "$rows" -ge "$ok" ] && [ "$rows" -le $((ok + 80 + $(field non2xx "$r8") + $(field non2xx "$r64"))) ] || committed=NO
  echo "run $run  hb8 $hb8"
  echo "run $run  r8  $r8"
  echo "run $run  hb64 $hb64"
  echo "run $run  r64 $r64"
  echo "run $run  rows=$rows report2xx=$ok every2xxCommitted=$committed heapUsedMB=$used heapLiveAfterGcMB=$live"
  echo "$(field rps "$hb8") $(field rps "$r8") $(field p50_ms "$r8") $(field p99_ms "$r8") $(field rps "$hb64") \
$(field rps "$r64") $(field p50_ms "$r64") $(field p99_ms "$r64") $used $live $committed \
$(( $(field non2xx "$r8") + $(field non2xx "$r64") + $(field socket_errors "$r8") + $(field socket_errors "$r64") ))" \
    >> "$tmp/table"
  grep -q ' ERROR ' "$work/bot.log" && { echo "ingest: errors in the bot log:"; grep -m5 ' ERROR ' "$work/bot.log"; }
done

col() { awk -v c="$1" '{ print $c }' "$tmp/table"; }
ratio() { awk '{ printf "%.3f\n", $'"$2"' / $'"$1"' }' "$tmp/table"; }
echo
echo "## ingest: medians of $runs runs, group commit max batch ${GROUP_COMMIT:-64} ($(load_note))"
echo "| connections | heartbeat req/s | report req/s | ratio report/heartbeat | report p50 ms | report p99 ms |"
echo "|---|---|---|---|---|---|"
echo "| 8  | $(median $(col 1)) | $(median $(col 2)) | $(median $(ratio 1 2)) | $(median $(col 3)) | $(median $(col 4)) |"
echo "| 64 | $(median $(col 5)) | $(median $(col 6)) | $(median $(ratio 5 6)) | $(median $(col 7)) | $(median $(col 8)) |"
echo
echo "heap used after load: $(median $(col 9)) MB, live after full GC: $(median $(col 10)) MB (-Xmx256m);" \
  "every 2xx committed: $(col 11 | sort -u | tr '\n' ' '); failed requests (non-2xx + socket errors): $(col 12 | tr '\n' ' ')"
! grep -q ' NO ' "$tmp/table"
