#!/usr/bin/env bash
# Builds the launcher's self-contained runtime image and packs it as reflex-launch-VERSION-linux-x64.tar.gz.
# Run by `mvn -Ppackage -pl installers -am package` (see installers/pom.xml and docs/launch.md); by hand:
#   installers/launcher/build-image.sh VERSION LAUNCHER_LIB_DIR ENGINE_CLASSPATH OUT_DIR
#
# Layout (room is left for `reflex` and `reflex-engine`: more scripts in bin/, their jars in lib/):
#   bin/launch       POSIX sh, execs runtime/bin/java with the launcher's flags and -XX:AOTCache=lib/launch.aot
#   lib/*.jar        launcher-core and its runtime dependencies
#   lib/launch.aot   JDK 25 AOT cache, trained here
#   runtime/         jlink image: java.base, java.logging, jdk.unsupported (see below), default CDS archive
#
# Training: an AOT cache is only written by a JVM that exits normally, and exec mode ends in execve. So the build
# starts a real engine (reflex-engine, on 127.0.0.1 and a temporary data directory), stores the benchmark service
# (bench/LaunchBenchSetup.java: 5 configs, 2 files, 1 template, setenv) and trains with `launch service bench` in
# exec mode, the start that is measured, whose app names an interpreter that does not exist: the same GETs,
# flattening, file writes, instance ping, native linking and execve call as a real start, then execve fails
# (ENOENT), the launcher exits 6 and the JVM exits normally.
set -euo pipefail
version=$1 libdir=$2 engine_cp=$3 out=$4
root=$(cd "$(dirname "$0")/../.." && pwd)
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK 25}
name=reflex-launch-$version
image=$out/$name
# java.base, java.logging (OkHttp's Platform class needs java.util.logging.Logger) and jdk.unsupported (sun.misc.Unsafe
# for Jackson and Okio) are all the launcher uses. jdeps also lists
# java.desktop and java.sql: Jackson refers to java.beans and java.sql types in optional code paths that the
# launcher never reaches (the image test runs `launch config` to prove it).
modules=${REFLEX_LAUNCH_MODULES:-java.base,java.logging,jdk.unsupported}
java_opts="--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:-UsePerfData -Xss512k"
java_opts="$java_opts -Xms8m -Xmx48m -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=16m -XX:CICompilerCount=1"

rm -rf "$image" "$out/$name-linux-x64.tar.gz"
mkdir -p "$out"
echo "jlink $modules" >&2
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --compress=zip-6 \
  --generate-cds-archive --output "$image/runtime" 2> >(grep -v '\[warning\]\[cds\]' >&2)
mkdir -p "$image/bin" "$image/lib"
cp "$libdir"/*.jar "$image/lib/"
# The class path in a fixed order, relative to the image: the AOT cache is bound to it.
classpath=$(cd "$image/lib" && ls -1 *.jar | sort | sed 's#^#$here/lib/#' | paste -sd: -)
sed -e "s#@CLASSPATH@#$classpath#" -e "s#@JAVA_OPTS@#$java_opts#" "$root/installers/launcher/launch.sh" > "$image/bin/launch"
chmod 755 "$image/bin/launch"
"$image/bin/launch" --version

# --- train the AOT cache against a real engine ---
work=$(mktemp -d)
engine_pid=
cleanup() { [ -n "$engine_pid" ] && kill "$engine_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$jdk/bin/java" -XX:+UseSerialGC -cp "$engine_cp" io.reflex.engine.EngineMain --data="$work/data" \
  --listen="127.0.0.1:$port" >"$work/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 150); do
  [ -s "$work/data/master.key" ] && grep -q listening "$work/engine.log" && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$work/engine.log" >&2; exit 1; }
  sleep 0.2
done
url="http://127.0.0.1:$port/api/v1"
key=$(tr -d '[:space:]' < "$work/data/master.key")
mkdir -p "$work/app"
printf '#!/nonexistent/interpreter\n' > "$work/app/app.sh"; chmod +x "$work/app/app.sh"
"$jdk/bin/java" -cp "$(ls -1 "$libdir"/*.jar | paste -sd: -)" "$root/bench/LaunchBenchSetup.java" "$url" "$key" "$work/app"
# No lib/launch.aot yet, so bin/launch adds no -XX:AOTCache and this run may write it. Exit 6 (program cannot be
# executed) is the expected end of the training run; its "Reflex ABORT" line is part of it.
trained=0
( cd "$work" && env -i PATH=/usr/bin:/bin REFLEX_URL="$url" REFLEX_APIKEY="$key" \
  REFLEX_LAUNCH_JAVA_OPTS="-XX:AOTCacheOutput=$image/lib/launch.aot -Xlog:aot=warning,cds=warning" \
  "$image/bin/launch" service bench --notime ) >&2 || trained=$?
[ "$trained" -eq 6 ] || { echo "build-image: the training run ended with $trained, not 6" >&2; exit 1; }
[ -s "$image/lib/launch.aot" ] || { echo "build-image: no AOT cache was written" >&2; exit 1; }

tar -C "$out" -czf "$out/$name-linux-x64.tar.gz" "$name"
du -sh "$image/runtime" "$image/lib" "$image/lib/launch.aot" "$out/$name-linux-x64.tar.gz" >&2
