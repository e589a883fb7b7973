#!/usr/bin/env bash
# Query benchmark (issue 6 §3): QueryService.totals for one day, one month and one year at city and district
# scope, and the visits ranking, over the 1M-record database of querydb.sh (jmh/.../query/QueryBenchmark.java,
# JMH sample mode). Target: p50 <= 5 ms for every period up to a year.
# Usage: bench/queries.sh                       (3 forks x 3 x 1 s after 2 x 1 s warm-up each; about 4 minutes)
#        RECORDS=20000 QUERIES_JMH="-f 0 -wi 0 -i 1 -r 1s" bench/queries.sh   (smoke)
# Prints JMH's table and a markdown table of p50/p90/p99 (all forks' samples together).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$bench_root/bench/jmh.sh" -l > /dev/null   # builds target/bench unless JMH_SKIP_BUILD is set
export JMH_SKIP_BUILD=1
db=$("$bench_root/bench/querydb.sh")
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "queries: $(nproc) cores, $(load_note), database $db"
props="-Djava.awt.headless=true -Dtallybot.bench.db=$db -Dtallybot.bench.config=$(dirname "$db")/bot-config"
( cd "$bench_root" && JMH_JAVA_OPTS="$props" bench/jmh.sh ${QUERIES_JMH:--f 3 -wi 2 -w 1s -i 3 -r 1s} \
    -jvmArgsAppend "$props" \
    -rf csv -rff "$out" QueryBenchmark | sed -n '/^Benchmark /,$p' | grep -v ':p0.\(0\|9[59]\|999\|9999\)\|:p1.0' )
echo
echo "## queries over $(sqlite3 "$db" 'SELECT COUNT(*) FROM activity_record') records ($(load_note))"
python3 "$bench_root/bench/jmhtable.py" "$out" "p50 <= 5 ms"
