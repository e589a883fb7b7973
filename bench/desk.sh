#!/usr/bin/env bash
# Desk benchmark (bench/README.md): the web desk's main view, GET / of a signed-in coordinator, served by
# target/tallybot.jar over a copy of the 1M-record database of querydb.sh. Two views: the city for the database's
# last day, and the city for its last 30 days (both with the 30-day trend, the district table, the missing list and
# the first page of records); then the districts' chart the city view loads after the page (reported, no target).
# Each request is timed by curl over loopback (time_total: the server's time plus a loopback round trip); WARMUP
# requests first, then REQUESTS timed ones per view, one at a time. The health check, timed the same way, says what
# the machine's load alone costs a request.
# Target: p95 < 50 ms.
# Usage: bench/desk.sh                                   (about 3 minutes with the database made)
#        RECORDS=20000 REQUESTS=20 WARMUP=5 bench/desk.sh   (smoke)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
requests=${REQUESTS:-300}
warmup=${WARMUP:-50}
[ -f "$bench_root/target/tallybot.jar" ] || { echo "build the jar first: mvn -B package -DskipTests" >&2; exit 1; }
db=$("$bench_root/bench/querydb.sh")
work=$(mktemp -d)
port=$(free_port)
cleanup() {
  [ -n "${BOT_PID:-}" ] && stop_pid "$BOT_PID"
  rm -rf "$work"
}
trap cleanup EXIT
# a copy: the bot writes its session row and start-up rows, and the other benchmarks share the database
cp "$db" "$work/tallybot.db"
# write the gigabyte copy out now, or the kernel writes it back while the requests are timed
sync "$work/tallybot.db"
cp -r "$(dirname "$db")/bot-config" "$work/bot-config"
# a session as the one-time link would start it: only the id's SHA-256 is stored (docs/web.md)
session=$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')
hash=$(printf '%s' "$session" | sha256sum | cut -d' ' -f1)
sqlite3 "$work/tallybot.db" "CREATE TABLE IF NOT EXISTS desk_session (id_hash TEXT PRIMARY KEY, platform TEXT NOT NULL,
  user_id TEXT NOT NULL, user_name TEXT NOT NULL, csrf_token TEXT NOT NULL, created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL);
  INSERT INTO desk_session VALUES ('$hash', 'onebot', 'bench', 'bench', 'csrf', 0, 9999999999999);"
( cd "$work" && exec env SERVER_PORT="$port" TALLYBOT_PUBLIC_URL="http://127.0.0.1:$port" \
    SPRING_DATASOURCE_URL="jdbc:sqlite:$work/tallybot.db" TALLYBOT_SUMMARY_ENABLED=false \
    java -Xmx256m -jar "$bench_root/target/tallybot.jar" > "$work/bot.log" 2>&1 ) &
BOT_PID=$!
wait_healthy "$port" "$BOT_PID" 120 || { tail -40 "$work/bot.log" >&2; exit 1; }
last=$(sqlite3 "$work/tallybot.db" "SELECT MAX(activity_date) FROM activity_record")
first30=$(python3 -c "import datetime,sys; print(datetime.date.fromisoformat('$last') - datetime.timedelta(days=29))")
records=$(sqlite3 "$work/tallybot.db" 'SELECT COUNT(*) FROM activity_record')

time_view() {   # $1 path and query; prints one time in ms per request
  local url="http://127.0.0.1:$port$1" i code
  for i in $(seq 1 "$warmup"); do curl -s -o /dev/null -b "tallybot_desk=$session" "$url"; done
  for i in $(seq 1 "$requests"); do
    code=$(curl -s -o /dev/null -w '%{http_code} %{time_total}' -b "tallybot_desk=$session" "$url")
    [ "${code%% *}" = 200 ] || { echo "GET $1 answered ${code%% *}" >&2; exit 1; }
    awk -v t="${code#* }" 'BEGIN { printf "%.2f\n", t * 1000 }'
  done
}

percentiles() {   # stdin: times in ms; prints "p50 | p95 | max"
  sort -g | awk '{ a[NR] = $1 } END { printf "%s | %s | %s", a[int(NR * 0.5 + 0.5)], a[int(NR * 0.95 + 0.5)], a[NR] }'
}

echo "desk: $(nproc) cores, $(load_note), $records records, $requests requests per view after $warmup"
day=$(time_view "/?from=$last&to=$last" | percentiles)
month=$(time_view "/?from=$first30&to=$last" | percentiles)
# the districts' chart the city view loads after the page (drawn only with a Chinese font installed)
chart_path="/chart.png?from=$first30&to=$last"
if [ "$(curl -s -o /dev/null -w '%{http_code}' -b "tallybot_desk=$session" "http://127.0.0.1:$port$chart_path")" = 200 ]; then
  chart="$(time_view "$chart_path" | percentiles) | reported"
else
  chart="not drawn: no Chinese font | | | —"
fi
# the cheapest request the jar answers, on the same machine at the same time: what the load alone costs
health=$(time_view "/actuator/health" | percentiles)
echo
echo "## desk main view over $records records ($(load_note))"
echo
echo "| view | p50 ms | p95 ms | max ms | target |"
echo "|---|---|---|---|---|"
echo "| city, one day ($last) | $day | p95 < 50 ms |"
echo "| city, 30 days ($first30 – $last) | $month | p95 < 50 ms |"
echo "| the districts' chart of the 30 days, GET /chart.png (loaded after the page) | $chart |"
echo "| for scale: GET /actuator/health | $health | — |"
