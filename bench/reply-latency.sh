#!/usr/bin/env bash
# Reply latency under a burst (bench/README.md): GROUPS groups (default 23) each receive PER_GROUP reports (default
# 50) within one second, over HTTP POST (replies through the OneBot HTTP API, reply-mode API, played by the load
# client) and over the reverse WebSocket (replies as action frames on the same socket). Each reply is timed from the
# moment its report was sent until the send_group_msg quoting it reaches the client: per group the first reply, p50,
# p99 and max; how many arrived; in how many groups replies to different members crossed (the bot handles one
# member's messages in order and different members in parallel; every reply quotes the message it answers). The
# burst runs twice per start: cold (right after start-up) and warm.
# Two paces per transport: the shipped QQ pace (tallybot.coordination.send-pace.onebot, 3/3s: a burst of three,
# then one a second per group), where a group's 50th reply waits its turn by design, and the pace lifted, which
# shows what the bot itself adds.
# Usage: bench/reply-latency.sh            (needs target/tallybot.jar, python3, java, curl; BURST_GROUPS, not GROUPS, which bash owns)
#        BURST_GROUPS=5 PER_GROUP=10 PACES=lifted bench/reply-latency.sh   (smoke)
# Exits 1 when a run loses a reply.
set -euo pipefail
source "$(dirname "$0")/lib.sh"

groups=${BURST_GROUPS:-23}
per_group=${PER_GROUP:-50}
paces=${PACES:-"shipped lifted"}
transports=${TRANSPORTS:-"http ws"}
secret=${BENCH_SECRET:-bench-secret}
token=bench-token
jar="$bench_root/target/tallybot.jar"
[ -f "$jar" ] || { echo "reply-latency: $jar missing (mvn -B package -DskipTests)"; exit 1; }
for tool in python3 java curl; do
  command -v "$tool" > /dev/null || { echo "reply-latency: $tool missing"; exit 1; }
done

tmp=$(mktemp -d)
bot=""
cleanup() { [ -n "$bot" ] && stop_pid "$bot"; rm -rf "$tmp"; }
trap cleanup EXIT
load="$bench_root/bench/ingest/BurstLatency.java"
# the shipped pace sends a group's replies about one a second: the last of PER_GROUP waits about PER_GROUP seconds
wait_seconds=$(( per_group * 2 + 60 ))
failed=0

echo "reply-latency: $(nproc) cores, $(load_note), $groups groups x $per_group reports in 1 s"
for pace in $paces; do
  for transport in $transports; do
    work="$tmp/$pace-$transport"
    mkdir -p "$work"
    cp -r "$bench_root/bot-config" "$work/"
    { echo "groups:"
      for g in $(seq 1 "$groups"); do
        printf '  - platform: onebot\n    id: "%d"\n    name: 压测群%d\n    summary: false\n' $((900000000 + g)) "$g"
      done; } > "$work/bot-config/groups.yml"
    port=$(free_port)
    api_port=$(free_port)
    opts="-Dtallybot.onebot.access-token=$token"
    if [ "$transport" = http ]; then
      opts="$opts -Dtallybot.onebot.mode=http -Dtallybot.onebot.reply-mode=API -Dtallybot.onebot.api-url=http://127.0.0.1:$api_port"
    else
      opts="$opts -Dtallybot.onebot.mode=ws-reverse"
    fi
    [ "$pace" = lifted ] && opts="$opts -Dtallybot.coordination.send-pace.onebot=1000000/1s"
    BOT_JAVA_OPTS="$opts ${BOT_JAVA_OPTS:-}" start_bot "$work" "$port" "$work/bot.log"
    bot=$BOT_PID
    wait_healthy "$port" "$bot" 300 || { tail -40 "$work/bot.log"; exit 1; }
    echo
    echo "### $transport, pace $pace"
    # the JDK HTTP server playing the OneBot API would otherwise hold each answer for a delayed ACK (40 ms)
    java -Dsun.net.httpserver.nodelay=true "$load" "$transport" "$port" "$secret" "$token" "$api_port" "$groups" "$per_group" "$wait_seconds" \
      | tee "$work/out"
    expected=$(( groups * per_group ))
    while read -r summary; do
      echo "$pace $transport $summary" >> "$tmp/table"
      grep -q "replies=$expected/$expected " <<< "$summary" || { echo "reply-latency: replies lost ($summary)"; failed=1; }
    done < <(grep '^ALL ' "$work/out")
    stop_pid "$bot"
    bot=""
  done
done

field() { sed -n "s/.* $1=\([0-9-]*\).*/\1/p" <<< "$2"; }
echo
echo "## reply-latency: $groups groups x $per_group reports in one second ($(load_note))"
echo "| pace | transport | round | replies | first reply of a group, worst (ms) | p50 (ms) | p99 (ms) | max (ms) | groups with crossed replies |"
echo "|---|---|---|---|---|---|---|---|---|"
while read -r pace transport line; do
  replies=$(sed -n 's/.*replies=\([0-9/]*\).*/\1/p' <<< "$line")
  round=$(sed -n 's/.*round=\([a-z]*\).*/\1/p' <<< "$line")
  echo "| $pace | $transport | $round | $replies | $(field first_reply_max_ms "$line") | $(field p50_ms "$line") | $(field p99_ms "$line") | $(field max_ms "$line") | $(field groups_crossed "$line") |"
done < "$tmp/table"
exit $failed
