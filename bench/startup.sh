#!/usr/bin/env bash
# Start-up benchmark: wall time from `java -Xmx256m -jar` to the first UP from /actuator/health (polled every
# 20 ms), for target/tallybot.jar as built (fresh SQLite file, copy of bot-config/, so Flyway migrates from
# empty), for the same jar laid out as the container runs it (src/main/docker/runtime.sh: extracted layers and a
# class-data-sharing archive from a training run), and for bench/baseline-app (bare Spring Boot 4.0.7 webmvc +
# actuator, plain jar), alternating, RUNS times each; prints the medians and the ratios to the baseline.
# Heap after load is measured by ingest.sh.
# Usage: bench/startup.sh          (RUNS=5; builds baseline-app once; about 1 minute)
#        RUNS=1 bench/startup.sh   (smoke)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
runs=${RUNS:-5}
jar="$bench_root/target/tallybot.jar"
base="$bench_root/bench/baseline-app/target/baseline.jar"
[ -f "$jar" ] || { echo "startup: $jar missing (mvn -B package -DskipTests)"; exit 1; }
if [ ! -f "$base" ]; then
  ( cd "$bench_root/bench/baseline-app" && mvn -B -q ${MVN_OFFLINE:-} package )
fi
tmp=$(mktemp -d)
pid=""
cleanup() { [ -n "$pid" ] && stop_pid "$pid"; rm -rf "$tmp"; }
trap cleanup EXIT

# The container's layout, made by the Dockerfile's own steps (the training run takes a few seconds, once).
cds="$tmp/container"
sh "$bench_root/src/main/docker/runtime.sh" extract "$jar" "$tmp/layers" > /dev/null
mkdir -p "$cds"
for layer in dependencies spring-boot-loader snapshot-dependencies application; do
  cp -r "$tmp/layers/$layer/." "$cds/"
done
cp -r "$bench_root/bot-config" "$cds/"
sh "$bench_root/src/main/docker/runtime.sh" train "$cds" > "$tmp/training.log" 2>&1 \
  || { tail -30 "$tmp/training.log" >&2; echo "startup: training run failed"; exit 1; }

# time_start KIND: prints milliseconds from launch to healthy
time_start() {
  local kind=$1 port work start
  port=$(free_port)
  work=$(mktemp -d -p "$tmp")
  cp -r "$bench_root/bot-config" "$work/"
  start=$(now_ms)
  if [ "$kind" = tallybot ]; then
    start_bot "$work" "$port" "$work/log"
  elif [ "$kind" = container ]; then
    BOT_JAR="$cds/tallybot.jar" BOT_JAVA_OPTS="-XX:SharedArchiveFile=$cds/tallybot.jsa ${BOT_JAVA_OPTS:-}" \
      start_bot "$work" "$port" "$work/log"
  else
    ( cd "$work" && exec java -Xmx256m -jar "$base" --server.port="$port" > "$work/log" 2>&1 ) &
    BOT_PID=$!
  fi
  pid=$BOT_PID
  wait_healthy "$port" "$pid" 120 || { tail -30 "$work/log" >&2; exit 1; }
  echo $(( $(now_ms) - start ))
  stop_pid "$pid"
  pid=""
}

echo "startup: $(nproc) cores, $(load_note)"
bot=()
boxed=()
bare=()
for run in $(seq 1 "$runs"); do
  bot+=("$(time_start tallybot)")
  boxed+=("$(time_start container)")
  bare+=("$(time_start baseline)")
  echo "run $run  tallybot ${bot[-1]} ms  as in the container ${boxed[-1]} ms  baseline ${bare[-1]} ms"
done
mb=$(median "${bot[@]}")
mc=$(median "${boxed[@]}")
mbase=$(median "${bare[@]}")
echo
echo "## start-up to first healthy /actuator/health, median of $runs ($(load_note))"
echo "| app | ms | ratio to baseline |"
echo "|---|---|---|"
echo "| bare Spring Boot 4.0.7 web + actuator | $mbase | 1 |"
ratio() { awk -v a="$1" -v b="$mbase" 'BEGIN { printf "%.2f", a / b }'; }
echo "| tallybot jar (fresh SQLite, Flyway from empty) | $mb | $(ratio "$mb") |"
echo "| tallybot as in the container (layers + CDS archive) | $mc | $(ratio "$mc") |"
