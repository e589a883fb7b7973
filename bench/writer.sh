#!/usr/bin/env bash
# Writer benchmark (bench/README.md): the group-commit writer's own work per batch of 32 reports, without HTTP,
# parsing or other threads (jmh/.../report/WriterBenchmark.java), on a fresh SQLite file with the product's settings.
# Because it measures one thread's work, it tells changes on the write path apart on a machine too busy for ingest.sh.
# A/B of the statement cache: WRITER_DRIVERS="cache plain" alternates the product's driver and sqlite-jdbc's own, run
# by run (ROUNDS times), each its own JVM.
# Usage: bench/writer.sh                                  (product driver; 1 fork, 3 x 2 s warm-up, 5 x 2 s)
#        ROUNDS=3 WRITER_DRIVERS="cache plain" bench/writer.sh
set -euo pipefail
source "$(dirname "$0")/lib.sh"
"$bench_root/bench/jmh.sh" -l > /dev/null   # builds target/bench unless JMH_SKIP_BUILD is set
export JMH_SKIP_BUILD=1
# the score of a JMH result line: the first number with a decimal point after the mode (Cnt has none)
score() { awk '{ for (i = 1; i <= NF; i++) if ($i == "avgt") { for (j = i + 1; j <= NF; j++) if ($j ~ /\./) { print $j; exit } } }'; }
echo "writer: $(nproc) cores, $(load_note)"
for round in $(seq 1 "${ROUNDS:-1}"); do
  for driver in ${WRITER_DRIVERS:-cache}; do
    opts=""
    [ "$driver" = plain ] && opts="-Dtallybot.bench.driver=org.sqlite.JDBC"
    out=$(cd "$bench_root" && JMH_JAVA_OPTS="$opts" bench/jmh.sh ${WRITER_JMH:--f 1 -wi 3 -w 2s -i 5 -r 2s} \
        -jvmArgsAppend "${opts:--Dtallybot.bench.driver=cn.cdsw.tallybot.storage.StatementCachingSqliteDriver}" \
        WriterBenchmark | grep '^WriterBenchmark.groupCommit')
    wall=$(grep -v ':' <<< "$out" | score)
    cpu=$(grep ':cpuMicros' <<< "$out" | score)
    batches=$(grep ':batches' <<< "$out" | score)
    awk -v d="$driver" -v r="$round" -v w="$wall" -v c="$cpu" -v b="$batches" -v l="$(cut -d' ' -f1 /proc/loadavg)" \
      'BEGIN { printf "round %d  %-5s  wall %7.1f us/report  cpu %6.1f us/report  load %s\n", r, d, w / 32, c / b / 32, l }'
  done
done
