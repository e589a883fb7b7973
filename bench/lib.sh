#!/usr/bin/env bash
# Shared helpers of the bench scripts (sourced, not run). Every process started here is remembered by pid and
# stopped by that pid; every wait is bounded.

bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

now_ms() { date +%s%3N; }

# One line saying whether the machine was quiet enough for final numbers (1-minute load above 0.7: preliminary).
load_note() {
  local one
  one=$(cut -d' ' -f1 /proc/loadavg)
  if awk -v l="$one" 'BEGIN { exit !(l > 0.7) }'; then
    echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg) (busy: preliminary)"
  else
    echo "loadavg $(cut -d' ' -f1-3 /proc/loadavg) (quiet)"
  fi
}

# start_bot DIR PORT LOG: starts target/tallybot.jar (or BOT_JAR) in DIR (which holds bot-config/) on a fresh SQLite file there;
# sets BOT_PID. -Xmx256m is the heap the operator guide promises.
start_bot() {
  local dir=$1 port=$2 log=$3
  ( cd "$dir" && exec env SERVER_PORT="$port" TALLYBOT_ONEBOT_SECRET="${BENCH_SECRET:-bench-secret}" \
      SPRING_DATASOURCE_URL="jdbc:sqlite:$dir/tallybot.db" \
      java -Xmx256m ${GROUP_COMMIT:+-Dtallybot.storage.max-batch=$GROUP_COMMIT} ${BOT_JAVA_OPTS:-} -jar "${BOT_JAR:-$bench_root/target/tallybot.jar}" > "$log" 2>&1 ) &
  BOT_PID=$!
}

# wait_healthy PORT PID [SECONDS]: polls /actuator/health every 20 ms until UP; prints nothing, fails on timeout.
wait_healthy() {
  local port=$1 pid=$2 limit=${3:-60} deadline
  deadline=$(( $(date +%s) + limit ))
  while [ "$(date +%s)" -lt "$deadline" ]; do
    curl -fsS "http://127.0.0.1:$port/actuator/health" 2>/dev/null | grep -q '"status":"UP"' && return 0
    kill -0 "$pid" 2>/dev/null || return 1
    sleep 0.02
  done
  return 1
}

# stop_pid PID: TERM, then KILL after 15 s; waits for it.
stop_pid() {
  local pid=$1
  kill "$pid" 2>/dev/null || return 0
  for _ in $(seq 1 150); do
    kill -0 "$pid" 2>/dev/null || { wait "$pid" 2>/dev/null || true; return 0; }
    sleep 0.1
  done
  kill -9 "$pid" 2>/dev/null
  wait "$pid" 2>/dev/null || true
}

# median of the numbers given as arguments
median() {
  printf '%s\n' "$@" | sort -g | awk '{ a[NR] = $1 } END { if (NR % 2) print a[(NR + 1) / 2]; else printf "%.4g\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# Runs JMH benchmark $2 (options $3) over the query database of querydb.sh, printing JMH's table; leaves the
# database path in $db and the CSV results in $out (removed on exit). $1 names the benchmark in the first line.
db_jmh() {
  "$bench_root/bench/jmh.sh" -l > /dev/null   # builds target/bench unless JMH_SKIP_BUILD is set
  export JMH_SKIP_BUILD=1
  db=$("$bench_root/bench/querydb.sh")
  out=$(mktemp)
  trap 'rm -f "$out"' EXIT
  echo "$1: $(nproc) cores, $(load_note), database $db"
  local props="-Djava.awt.headless=true -Dtallybot.bench.db=$db -Dtallybot.bench.config=$(dirname "$db")/bot-config"
  # shellcheck disable=SC2086  # $3 is a list of JMH options
  ( cd "$bench_root" && JMH_JAVA_OPTS="$props" bench/jmh.sh $3 -jvmArgsAppend "$props" -rf csv -rff "$out" "$2" \
      | sed -n '/^Benchmark /,$p' | grep -v ':p0.\(0\|9[59]\|999\|9999\)\|:p1.0' )
}
