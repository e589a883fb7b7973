#!/usr/bin/env bash
# CI smoke of every benchmark, so that none rots: each runs once in a reduced form (a 2-second load, a
# 20,000-record database, JMH without forks for one 1-second iteration). The numbers mean nothing; the exit
# status means the benchmarks still build, run and check what they check (every 2xx report committed).
# Needs target/tallybot.jar (mvn -B package), wrk, python3, sqlite3; Maven for the bench profile and baseline-app.
# Usage: bash bench/smoke.sh       about 1.5 minutes on 2 cores
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
export BENCH_DATA=$data RECORDS=20000
start=$(date +%s)
RUNS=1 DURATION=2s WARMUP=1s BODIES=40000 "$here/ingest.sh"
PARSER_JMH="-f 0 -wi 0 -i 1 -r 1s" "$here/parser.sh"
QUERIES_JMH="-f 0 -wi 0 -i 1 -r 1s -p period=year" "$here/queries.sh"
REQUESTS=10 WARMUP=2 "$here/desk.sh"
JMH_SKIP_BUILD=1 SUMMARY_JMH="-f 0 -wi 0 -i 1 -r 1s" "$here/summary.sh"
JMH_SKIP_BUILD=1 WRITER_JMH="-f 0 -wi 0 -i 1 -r 1s" "$here/writer.sh"
"$here/export.sh"
RUNS=1 "$here/startup.sh"
echo "bench smoke: ok in $(( $(date +%s) - start )) s"
