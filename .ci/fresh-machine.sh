#!/usr/bin/env bash
# The README's promises on a fresh machine of our kind (Java 17 and nothing else), checked without uninstalling
# anything: a clean clone of the committed HEAD, built and tested with
#   - no Chinese font: a fontconfig that lists only DejaVu, and an empty Java font cache (JDKs cache what
#     fontconfig said under ~/.java/fonts, so user.home points at an empty folder for every JVM here);
#   - Redis and PostgreSQL at ports nobody listens on, no redis-server binary, no Chromium (paths that do not
#     exist), TALLYBOT_REQUIRE_SERVICES unset.
# Then `./mvnw -B verify` (the README's test command) must pass and say SKIPPED for what is missing, and the
# README's "Try it" blocks, run as printed, must store a record that the admin API then shows.
# Usage: bash .ci/fresh-machine.sh          (about three minutes on 2 cores; uses ~/.m2 and Maven's wrapper cache)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ]; then kill -- "-$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

git clone -q "$root" "$work/tallybot"
cd "$work/tallybot"

mkdir -p "$work/home" "$work/fontconfig"
dejavu=/usr/share/fonts/truetype/dejavu
cat > "$work/fontconfig/fonts.conf" <<EOF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  $( [ -d "$dejavu" ] && echo "<dir>$dejavu</dir>" )
  <cachedir>$work/fontconfig/cache</cachedir>
</fontconfig>
EOF
export FONTCONFIG_FILE=$work/fontconfig/fonts.conf
export JAVA_TOOL_OPTIONS="-Duser.home=$work/home"
unset TALLYBOT_REQUIRE_SERVICES
export TALLYBOT_TEST_REDIS_URL=redis://127.0.0.1:$(free_port)/0
export TALLYBOT_TEST_POSTGRES_URL="jdbc:postgresql://127.0.0.1:$(free_port)/test?user=postgres"
export TALLYBOT_TEST_REDIS_SERVER=$work/no-redis-server
export TALLYBOT_TEST_CHROMIUM=$work/no-chromium TALLYBOT_TEST_CHROMEDRIVER=$work/no-chromedriver

echo "fresh-machine: ./mvnw -B verify without a Chinese font, Redis, PostgreSQL or Chromium"
# user.home moved, so Maven is told where its repository is
./mvnw -B -Dmaven.repo.local="$HOME/.m2/repository" verify > "$work/verify.log" 2>&1 || {
  grep -E 'FAIL|ERROR|Tests run:' "$work/verify.log" | tail -40; echo "fresh-machine: verify failed"; exit 1; }
grep -E '^\[(INFO|WARNING)\] Tests run: [0-9]+, Failures: 0, Errors: 0, Skipped: [0-9]+$' "$work/verify.log" | tail -1
for missing in 'Chinese (CJK) font' 'Redis is not reachable' 'PostgreSQL is not reachable' 'no Chromium'; do
  grep -q "^SKIPPED: .*$missing" "$work/verify.log" \
    || { echo "fresh-machine: no SKIPPED line for: $missing"; exit 1; }
done
grep '^SKIPPED: ' "$work/verify.log" | sort -u

# The README's two "Try it" blocks, as printed; only the port is changed, so as not to collide with anything.
block() { awk -v mark="<!-- ci:$1 -->" '$0 == mark {on = 1; next} on && /^```sh/ {inside = 1; next}
  inside && /^```/ {exit} inside {print}' README.md; }
run=$(block run)
try=$(block try)
[ -n "$run" ] && [ -n "$try" ] || { echo "fresh-machine: README has no ci:run / ci:try block"; exit 1; }
port=$(free_port)
echo "fresh-machine: README run block: $run"
SERVER_PORT=$port setsid bash -c "$run" > "$work/bot.log" 2>&1 &
pid=$!
for _ in $(seq 1 120); do
  curl -fsS "http://127.0.0.1:$port/actuator/health" > /dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { tail -50 "$work/bot.log"; echo "fresh-machine: the bot exited"; exit 1; }
  sleep 0.5
done
grep -q 'No Chinese font is installed' "$work/bot.log" \
  || { tail -50 "$work/bot.log"; echo "fresh-machine: no start-up warning about the missing font"; exit 1; }

answer=$(bash -c "${try//localhost:8080/localhost:$port}")
echo "fresh-machine: README try block answered: $answer"
echo "$answer" | grep -q '已记录 #1 锦江区·三圣街道社工站' || { echo "fresh-machine: report not confirmed"; exit 1; }
echo "$answer" | grep -q '"unit":"户","value":196' || { echo "fresh-machine: record not shown by the API"; exit 1; }
echo "fresh-machine: ok"
