#!/usr/bin/env bash
# Parser benchmark (bench/README.md): messages/s per core through CommandParser.parse over the sample reports and a
# few hand-written examples (jmh/.../command/ParserBenchmark.java), one thread. Target >= 200,000/s.
# Usage: bench/parser.sh                          (3 forks x 5 x 2 s after 3 x 2 s warm-up, about 1 minute)
#        PARSER_JMH="-f 0 -wi 0 -i 1 -r 1s" bench/parser.sh   (smoke)
# Prints JMH's table and one summary line with the median of the forks' scores.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
out=$(mktemp)
trap 'rm -f "$out"' EXIT
echo "parser: $(nproc) cores, $(load_note)"
"$bench_root/bench/jmh.sh" ${PARSER_JMH:--f 3 -wi 3 -w 2s -i 5 -r 2s} -rf csv -rff "$out" ParserBenchmark \
  | grep -E '^(Benchmark|ParserBenchmark|# Run complete|Iteration|# Fork)' | grep -v '^Iteration' || true
score=$(awk -F, 'NR == 2 { gsub("\"", "", $5); printf "%.0f", $5 }' "$out")
[ -n "$score" ] || { echo "parser: no result"; exit 1; }
echo
echo "## parser ($(load_note))"
echo "| benchmark | messages/s (one thread) | target |"
echo "|---|---|---|"
echo "| CommandParser.parse, sample mix | $score | >= 200,000 |"
