#!/usr/bin/env bash
# Daily-summary benchmark (bench/README.md): DailySummaryComposer.compose (text + JFreeChart PNG) for the last day of
# the 1M-record database of querydb.sh, with a bot-config of 2,000 units and 200 summary groups
# (jmh/.../summary/SummaryBenchmark.java, JMH sample mode). Target <= 200 ms; sending excluded.
# Usage: bench/summary.sh                      (3 forks x 3 x 2 s after 2 x 2 s warm-up; about 1.5 minutes)
#        RECORDS=20000 SUMMARY_JMH="-f 0 -wi 0 -i 1 -r 1s" bench/summary.sh   (smoke)
set -euo pipefail
source "$(dirname "$0")/lib.sh"
db_jmh summary SummaryBenchmark "${SUMMARY_JMH:--f 3 -wi 2 -w 2s -i 3 -r 2s}"
echo
echo "## daily summary over $(sqlite3 "$db" 'SELECT COUNT(*) FROM activity_record') records, 200 groups ($(load_note))"
python3 "$bench_root/bench/jmhtable.py" "$out" "<= 200 ms"
