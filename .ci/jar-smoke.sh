#!/usr/bin/env bash
# Smoke test of the packaged jar as an operator runs it: `java -jar` in a folder holding bot-config/, nothing
# else running, then a signed OneBot event posted with curl must be stored and answered.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
jar="$root/target/tallybot.jar"
[ -f "$jar" ] || { echo "smoke: $jar missing (run mvn -B package first)"; exit 1; }

work=$(mktemp -d)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
secret=smoke-secret
token=smoke-token
cp -r "$root/bot-config" "$work/"
cd "$work"
SERVER_PORT=$port TALLYBOT_ONEBOT_SECRET=$secret TALLYBOT_API_TOKEN=$token java -Xmx256m -jar "$jar" > bot.log 2>&1 &
pid=$!
cleanup() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat bot.log; echo "smoke: bot exited"; exit 1; }
  sleep 0.5
done
curl -fsS "http://127.0.0.1:$port/actuator/health" | grep -q '"status":"UP"' || { tail -50 bot.log; exit 1; }

now=$(date +%s)
body='{"time":'$now',"self_id":10001000,"post_type":"message","message_type":"group","sub_type":"normal","message_id":424242,"group_id":1418159967,"user_id":10001,"message":[{"type":"text","data":{"text":"#上报 锦江区 三圣街道社工站 走访196户 物资1310件 个案2个"}}],"sender":{"user_id":10001,"nickname":"张三","card":"","role":"member"}}'
sig=$(printf '%s' "$body" | openssl dgst -sha1 -hmac "$secret" | awk '{print $NF}')
reply=$(curl -fsS "http://127.0.0.1:$port/webhook/onebot" -H 'Content-Type: application/json' \
  -H "X-Signature: sha1=$sig" --data-binary "$body")
echo "smoke: reply $reply"
echo "$reply" | grep -q '已记录 #1 锦江区·三圣街道社工站' || { tail -50 bot.log; exit 1; }

forged=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/webhook/onebot" \
  -H 'Content-Type: application/json' -H 'X-Signature: sha1=00' --data-binary "$body")
[ "$forged" = 401 ] || { echo "smoke: forged signature answered $forged"; exit 1; }

records=$(curl -fsS "http://127.0.0.1:$port/api/v1/records" -H "Authorization: Bearer $token")
echo "$records" | grep -q '"value":196' || { echo "smoke: record missing: $records"; exit 1; }
[ "$(echo "$records" | grep -o '"id":' | wc -l)" = 1 ] || { echo "smoke: expected one record: $records"; exit 1; }
# The operator's view: the build it is, and the product's own meters counting what just happened. Both take the
# admin token, as Prometheus sends it (authorization: credentials); without it they are refused.
curl -fsS "http://127.0.0.1:$port/actuator/info" -H "Authorization: Bearer $token" | grep -q '"artifact":"tallybot"' \
  || { echo "smoke: no build info"; exit 1; }
anonymous=$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/actuator/prometheus")
[ "$anonymous" = 401 ] || { echo "smoke: /actuator/prometheus without the token answered $anonymous"; exit 1; }
# Counters are bumped by the writer once the unit has committed; read them until they show (10 s at most).
counted() {
  for _ in $(seq 1 50); do
    meters=$(curl -fsS "http://127.0.0.1:$port/actuator/prometheus" -H "Authorization: Bearer $token")
    echo "$meters" | grep -qE "$1" && return 0
    sleep 0.2
  done
  echo "smoke: not counted: $1"; echo "$meters" | grep -E '^tallybot_(reports|replies)' | head -20
  return 1
}
counted '^tallybot_reports_stored_total 1\.0$' || exit 1
counted '^tallybot_replies_total\{.*outcome="sent".*\} 1\.0$' || exit 1
echo "smoke: ok"
