#!/bin/sh
# How the container lays out and warms the jar; the Dockerfile runs it, and bench/startup.sh runs the same steps
# outside Docker to measure what they buy.
#   runtime.sh extract JAR DIR   unpack the Boot jar into DIR/<layer>/ (dependencies, spring-boot-loader,
#                                snapshot-dependencies, application): each layer is one image layer, so a code
#                                change ships a small application layer and the libraries stay cached
#   runtime.sh train DIR         in DIR (the merged layers, holding tallybot.jar, lib/ and bot-config/), start the
#                                application once up to its context refresh and record the classes it loaded
#                                in DIR/tallybot.jsa, a class-data-sharing archive that later starts map instead
#                                of parsing and verifying those classes again
set -eu

case "${1:-}" in
  extract)
    java -Djarmode=tools -jar "$2" extract --layers --destination "$3"
    ;;
  train)
    # The archive is only used by a JVM that names the jar by the same path, so train with the absolute one.
    dir=$(cd "$2" && pwd)
    cd "$dir"
    scratch=$(mktemp -d)
    # A throw-away ledger and no port, scheduler or outside service: the run stops once the context is ready.
    SPRING_DATASOURCE_URL="jdbc:sqlite:$scratch/training.db" \
      java -XX:ArchiveClassesAtExit=tallybot.jsa -Dspring.context.exit=onRefresh -Dspring.main.banner-mode=off \
        -Dlogging.level.root=warn -jar "$dir/tallybot.jar"
    rm -rf "$scratch"
    test -s tallybot.jsa
    ;;
  *)
    echo "usage: runtime.sh extract JAR DIR | train DIR" >&2
    exit 2
    ;;
esac
