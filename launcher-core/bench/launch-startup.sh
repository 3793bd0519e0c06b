#!/usr/bin/env bash
# Start-up of `launch service` in exec mode: wall time from starting the launcher until the app prints a
# timestamp, median of N runs (default 20), plain class path and with a JDK 25 AOT cache.
# Usage: launcher-core/bench/launch-startup.sh [RUNS]   (needs the engine and launcher built: mvn package)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
runs=${1:-20}
java=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}/bin/java
work=$(mktemp -d)
trap 'kill "$engine_pid" 2>/dev/null || true; rm -rf "$work"' EXIT
cp="$(ls "$root"/launcher-core/target/launcher-core-*.jar):$root/launcher-core/target/lib/*"
port=$(( 20000 + RANDOM % 20000 ))

"$root/bin/reflex-engine" --data="$work/data" --listen="127.0.0.1:$port" >"$work/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 100); do [ -s "$work/data/master.key" ] && grep -q listening "$work/engine.log" && break; sleep 0.2; done
url="http://127.0.0.1:$port/api/v1"
key=$(tr -d '[:space:]' < "$work/data/master.key")
mkdir -p "$work/app"
printf '#!/bin/sh\ndate +%%s%%N\n' > "$work/app/app.sh"; chmod +x "$work/app/app.sh"
"$java" -cp "$cp" "$root/launcher-core/bench/BenchSetup.java" "$url" "$key" "$work/app"

opts=(--enable-native-access=ALL-UNNAMED -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xss512k)
measure() {
  local label=$1; shift
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    end=$(REFLEX_URL=$url REFLEX_APIKEY=$key "$java" "${opts[@]}" "$@" -cp "$cp" io.reflex.launcher.cli.LaunchMain \
          service bench --notime 2>/dev/null | tail -n 1)
    times+=($(( (end - start) / 1000000 )))
  done
  printf '%s: median %s ms over %s runs\n' "$label" \
    "$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')" "$runs"
}
measure "java -cp"
# Train with `env`: the same start path, but the JVM exits normally (after execve it never would, and the cache
# is only written at exit).
REFLEX_URL=$url REFLEX_APIKEY=$key "$java" "${opts[@]}" -XX:AOTCacheOutput="$work/launch.aot" -cp "$cp" \
  io.reflex.launcher.cli.LaunchMain env bench --notime >/dev/null 2>&1
[ -f "$work/launch.aot" ] || { echo "no AOT cache was written" >&2; exit 1; }
measure "java -cp -XX:AOTCache" -XX:AOTCache="$work/launch.aot"
