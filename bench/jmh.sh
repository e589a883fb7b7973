#!/usr/bin/env bash
# Builds the JMH benchmarks (Maven profile "bench": bench/jmh/src/main/java compiled with the product's sources
# into target/bench; the product build and target/tallybot.jar are untouched) and runs JMH with the arguments
# given, from the repository root. Used by parser.sh, queries.sh and summary.sh.
# Usage: bench/jmh.sh [JMH options] [benchmark regexp]      e.g. bench/jmh.sh -f 1 ParserBenchmark
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$bench_root"
if [ -z "${JMH_SKIP_BUILD:-}" ]; then
  mvn -B -q ${MVN_OFFLINE:-} -Pbench -DskipTests compile dependency:build-classpath \
    -Dmdep.outputFile=target/bench/classpath.txt -DincludeScope=runtime
fi
# JMH_JAVA_OPTS reach the host JVM too, where -f 0 (smoke) runs the benchmarks
exec java -Xmx1g ${JMH_JAVA_OPTS:-} -cp "target/bench/classes:$(cat target/bench/classpath.txt)" org.openjdk.jmh.Main "$@"
