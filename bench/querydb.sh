#!/usr/bin/env bash
# Makes (once) the benchmark database of queries.sh and summary.sh: RECORDS records (default 1,000,000) over a
# year, 23 districts, 2,000 units, 200 groups, with its bot-config/ (jmh/.../bench/BenchDatabase.java). Kept in
# BENCH_DATA (default target/bench-data) and reused while RECORDS and the migrations are unchanged.
# Usage: bench/querydb.sh        prints the database path; about 1 minute for 1M records
set -euo pipefail
source "$(dirname "$0")/lib.sh"
records=${RECORDS:-1000000}
data=${BENCH_DATA:-$bench_root/target/bench-data}
stamp="$records-$(cat "$bench_root"/src/main/resources/db/migration/{common,sqlite}/*.sql | md5sum | cut -c1-12)"
db="$data/q-$stamp.db"
if [ ! -f "$db" ]; then
  mkdir -p "$data"
  rm -f "$data"/q-*.db*
  [ -f "$bench_root/target/bench/classpath.txt" ] || "$bench_root/bench/jmh.sh" -l > /dev/null
  ( cd "$bench_root" && java -Xmx1g -cp "target/bench/classes:$(cat target/bench/classpath.txt)" \
      cn.cdsw.tallybot.bench.BenchDatabase "$db.tmp" "$records" "$data/bot-config" 2>&1 | grep '^BenchDatabase' >&2 )
  mv "$db.tmp" "$db"
fi
echo "$db"
