#!/usr/bin/env bash
# Ledger export benchmark (bench/README.md): GET /api/v1/export of one year over the database of querydb.sh (RECORDS
# records, default 1,000,000), through target/tallybot.jar (or BOT_JAR) started with -Xmx256m on a copy of that
# database. Measures the wall time of each download (xlsx twice, then csv), the bot's CPU seconds meanwhile, its size and rows, and the peak heap: the
# largest heap in use before any GC, from the JVM's own GC log (-Xlog:gc). The xlsx is exported twice: the first
# export after a start pays for compiling its code. Targets for the xlsx: < 10 s, < 256 MiB
# (with -Xmx256m a larger need would end in OutOfMemoryError, which the script reports as a failure).
# Usage: bench/export.sh                    about 2 minutes with the database built
#        RECORDS=20000 bench/export.sh      (smoke)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db=$("$bench_root/bench/querydb.sh")
work=$(mktemp -d)
port=$(free_port)
trap '[ -n "${BOT_PID:-}" ] && stop_pid "$BOT_PID"; rm -rf "$work"' EXIT
cp "$db" "$work/tallybot.db"
# write the gigabyte copy out now, or the kernel writes it back while the exports are timed
sync "$work/tallybot.db"
cp -r "$(dirname "$db")/bot-config" "$work/bot-config"
to=$(sqlite3 "$work/tallybot.db" "SELECT MAX(activity_date) FROM activity_record")
from=$(date -d "$to -1 year +1 day" +%F)
records=$(sqlite3 "$work/tallybot.db" \
  "SELECT COUNT(*) FROM activity_record WHERE status = 'active' AND activity_date BETWEEN '$from' AND '$to'")
echo "export: $(nproc) cores, $(load_note), $records active records from $from to $to"
BOT_JAVA_OPTS="-XX:+ExitOnOutOfMemoryError -Xlog:gc:file=$work/gc.log ${BOT_JAVA_OPTS:-}" \
  TALLYBOT_API_TOKEN=bench-token start_bot "$work" "$port" "$work/bot.log"
wait_healthy "$port" "$BOT_PID" 300 || { tail -50 "$work/bot.log"; exit 1; }

# cpu_ticks: the bot's CPU time so far (user + system, all its threads), in clock ticks. Each export's share tells a
# slower machine (same CPU seconds, longer wall time) from slower code (more CPU seconds).
cpu_ticks() {
  awk '{ print $14 + $15 }' "/proc/$BOT_PID/stat"
}

# peak_heap: the largest "before" of the GC log's "123M->45M(256M)" since line $1, in MiB
peak_heap() {
  tail -n +"$1" "$work/gc.log" | grep -o '[0-9]*M->' | tr -d 'M>-' | sort -n | tail -1
}

rows=()
# the first export after a start includes the JIT compiling the export's code; the second is the steady state
runs=("xlsx:first after start" "xlsx:again" "csv:first")
for run in "${runs[@]}"; do
  format=${run%%:*}
  label=${run#*:}
  start_line=$(( $(wc -l < "$work/gc.log") + 1 ))
  c0=$(cpu_ticks)
  t0=$(now_ms)
  code=$(curl -sS -o "$work/ledger.$format" -w '%{http_code}' -H 'Authorization: Bearer bench-token' \
    "http://127.0.0.1:$port/api/v1/export?from=$from&to=$to&format=$format")
  t1=$(now_ms)
  c1=$(cpu_ticks)
  kill -0 "$BOT_PID" 2>/dev/null || { echo "the bot died (OutOfMemoryError?)"; tail -20 "$work/bot.log"; exit 1; }
  [ "$code" = 200 ] || { echo "export $format answered $code"; head -c 500 "$work/ledger.$format"; exit 1; }
  size=$(stat -c %s "$work/ledger.$format")
  if [ "$format" = csv ]; then
    lines=$(( $(wc -l < "$work/ledger.$format") - 1 ))
  else
    lines=$(python3 -c 'import sys, zipfile; print(zipfile.ZipFile(sys.argv[1]).read("xl/worksheets/sheet2.xml").count(b"<row ") - 1)' "$work/ledger.xlsx")
  fi
  [ "$lines" = "$records" ] || { echo "$format holds $lines record rows, the database $records"; exit 1; }
  rows+=("| export one year, $format, $label | $(awk -v ms=$((t1 - t0)) 'BEGIN { printf "%.1f s", ms / 1000 }') | $(awk -v t=$((c1 - c0)) -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f s", t / hz }') | $((size / 1048576)) MiB, $lines records | peak heap $(peak_heap "$start_line") MiB |")
done
echo
echo "## ledger export over $records records ($(load_note))"
echo "| what | time | CPU (bot, all threads) | file | heap (-Xmx256m) |"
echo "|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"
