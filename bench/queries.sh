#!/usr/bin/env bash
# Query benchmark (bench/README.md): QueryService.totals for one day, one month and one year at city and district
# scope, and the visits ranking, over the 1M-record database of querydb.sh (jmh/.../query/QueryBenchmark.java,
# JMH sample mode). Target: p50 <= 5 ms for every period up to a year.
# Usage: bench/queries.sh                       (3 forks x 3 x 1 s after 2 x 1 s warm-up each; about 4 minutes)
#        RECORDS=20000 QUERIES_JMH="-f 0 -wi 0 -i 1 -r 1s" bench/queries.sh   (smoke)
# Prints JMH's table and a markdown table of p50/p90/p99 (all forks' samples together).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db_jmh queries QueryBenchmark "${QUERIES_JMH:--f 3 -wi 2 -w 1s -i 3 -r 1s}"
echo
echo "## queries over $(sqlite3 "$db" 'SELECT COUNT(*) FROM activity_record') records ($(load_note))"
python3 "$bench_root/bench/jmhtable.py" "$out" "p50 <= 5 ms"
