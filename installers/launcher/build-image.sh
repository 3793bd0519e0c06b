#!/usr/bin/env bash
# Builds the self-contained runtime image of Reflex's server-side programs and packs it as
# reflex-launch-VERSION-linux-x64.tar.gz. Every `mvn package` of installers runs it (installers/pom.xml,
# docs/installers.md); by hand, once launcher-core, reflex-tools and reflex-engine are packaged:
#   installers/launcher/build-image.sh VERSION OUT_DIR
#
# Layout:
#   bin/launch          POSIX sh: Launch Assist, with -XX:AOTCache=lib/launch.aot
#   bin/reflex          POSIX sh: the reflex command line (linked under another name, e.g. rxe, it runs that scope)
#   bin/reflex-engine   POSIX sh: Reflex Engine
#   lib/*.jar           the three programs' jars and runtime dependencies, one copy each. Each script names its own
#                       class path: they differ (launch logs through slf4j-simple, the others through logback)
#   lib/launch.aot      JDK 25 AOT cache of launch, trained here
#   runtime/            jlink image (modules below), without a default CDS archive (see the jlink step)
#
# Training: an AOT cache is only written by a JVM that exits normally, and exec mode ends in execve. So the build
# starts the image's own engine (bin/reflex-engine, on 127.0.0.1 and a temporary data directory), stores the benchmark service
# (bench/LaunchBenchSetup.java: 5 configs, 2 files, 1 template, setenv) and trains with `launch service bench` in
# exec mode, the start that is measured, whose app names an interpreter that does not exist: the same GETs,
# flattening, file writes, instance ping, native linking and execve call as a real start, then execve fails
# (ENOENT), the launcher exits 6 and the JVM exits normally.
set -euo pipefail
version=$1
mkdir -p "$2" && out=$(cd "$2" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
. "$here/../lib/jars.sh"
jdk=${JAVA_HOME:?JAVA_HOME must name a JDK 25}
if [ "$(uname -s)-$(uname -m)" != Linux-x86_64 ]; then
  echo "[image] the runtime image is built on Linux x86_64 only (its runtime is linked from this JDK); build with -Dimage.skip=true here" >&2
  exit 1
fi
name=reflex-launch-$version
image=$out/$name
# What the three programs use, from `jdeps --print-module-deps` on each class path and checked by running them:
# java.sql (JDBC; brings java.xml, which logback's configuration needs, and java.transaction.xa), java.naming and
# java.management (HikariCP, Jetty, the JDBC drivers, logback), jdk.management (Micrometer's process metrics),
# java.security.jgss (GSS authentication of PostgreSQL and MariaDB), java.logging (OkHttp, Flyway, the drivers),
# and jdk.unsupported (sun.misc.Unsafe for Jackson, Okio, Netty). jdeps also names java.desktop, for java.beans in code
# the programs never reach (Jdbi's bean mappers, snakeyaml's bean introspection, PostgreSQL's geometric types,
# Micrometer's Log4j2 binder): leaving it out saves 9 MB of the tarball; and jdk.jfr, for Jdbi's statement events,
# which Jdbi only emits when it finds the module.
# The launcher alone needs java.base, java.logging and jdk.unsupported.
modules=${REFLEX_IMAGE_MODULES:-java.base,java.logging,java.sql,java.naming,java.management,jdk.management,java.security.jgss,jdk.unsupported}
java_opts="--enable-native-access=ALL-UNNAMED -XX:+UseSerialGC -XX:-UsePerfData -Xss512k"
java_opts="$java_opts -Xms8m -Xmx48m -XX:MaxMetaspaceSize=40m -XX:ReservedCodeCacheSize=16m -XX:CICompilerCount=1"
t0=$(date +%s)
log() { printf '[image] %3ss %s\n' "$(( $(date +%s) - t0 ))" "$*" >&2; }

rm -rf "$image" "$out/$name-linux-x64.tar.gz"
mkdir -p "$image/bin" "$image/lib"

# Copies MODULE's jar and target/lib into lib/ (each file once) and prints its class path, relative to the image
# and in a fixed order: the AOT cache is bound to the exact class path it was trained with.
add_program_jars() {   # MODULE
  local module=$1 jar f
  jar=$root/$module/target/$module-$version.jar
  [ -f "$jar" ] || { echo "[image] missing $jar: build it first (mvn -pl installers -am package)" >&2; exit 1; }
  require_single_versions "$root/$module/target/lib" image
  for f in "$jar" "$root/$module/target/lib"/*.jar; do
    if [ -e "$image/lib/${f##*/}" ]; then
      cmp -s "$f" "$image/lib/${f##*/}" || { echo "[image] two different ${f##*/} (run mvn clean)" >&2; exit 1; }
    else
      cp "$f" "$image/lib/"
    fi
  done
  (cd "$root/$module/target" && { echo "${jar##*/}"; ls -1 lib | grep '\.jar$'; } | sort | sed 's#^#$here/lib/#' | paste -sd: -)
}
write_script() {   # TEMPLATE NAME CLASSPATH
  sed -e "s#@CLASSPATH@#$3#" -e "s#@JAVA_OPTS@#$java_opts#" "$here/$1" > "$image/bin/$2"
  chmod 755 "$image/bin/$2"
}
# (assigned first: set -e ignores a failed command substitution inside another command's arguments)
launch_cp=$(add_program_jars launcher-core)
reflex_cp=$(add_program_jars reflex-tools)
engine_cp=$(add_program_jars reflex-engine)
write_script launch.sh launch "$launch_cp"
write_script reflex.sh reflex "$reflex_cp"
write_script reflex-engine.sh reflex-engine "$engine_cp"
# after the copies, so the rewritten jars are the ones every class path names
repack_jars "$jdk" --store "$image"/lib/*.jar
log "lib: $(ls "$image/lib" | wc -l) jars ($(du -sh "$image/lib" | cut -f1))"

# Not jlink-compressed: the tarball's gzip does better on the uncompressed lib/modules (23 against 29 MB). No default
# CDS archive (--generate-cds-archive): it would cost 4 MB of the tarball (8 with the one for uncompressed oops), which
# the 60 MB target has no room for; launch has its AOT cache, and `runtime/bin/java -Xshare:dump` makes the archive
# for reflex and reflex-engine where the image is installed (docs/installers.md).
"$jdk/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages --output "$image/runtime"
log "runtime: $modules ($(du -sh "$image/runtime" | cut -f1))"
"$image/bin/launch" --version

# --- train launch's AOT cache against the image's own engine ---
work=$(mktemp -d)
engine_pid=
cleanup() { [ -n "$engine_pid" ] && kill "$engine_pid" 2>/dev/null; wait 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
env -i PATH=/usr/bin:/bin HOME="$work" "$image/bin/reflex-engine" --data="$work/data" --listen="127.0.0.1:$port" \
  >"$work/engine.log" 2>&1 &
engine_pid=$!
for _ in $(seq 300); do
  [ -s "$work/data/master.key" ] && grep -q listening "$work/engine.log" && break
  kill -0 "$engine_pid" 2>/dev/null || { cat "$work/engine.log" >&2; exit 1; }
  sleep 0.2
done
grep -q listening "$work/engine.log" || { cat "$work/engine.log" >&2; echo "[image] the engine did not start" >&2; exit 1; }
log "engine up"
url="http://127.0.0.1:$port/api/v1"
key=$(tr -d '[:space:]' < "$work/data/master.key")
mkdir -p "$work/app"
printf '#!/nonexistent/interpreter\n' > "$work/app/app.sh"; chmod +x "$work/app/app.sh"
"$jdk/bin/java" -cp "$(ls -1 "$root"/launcher-core/target/lib/*.jar | paste -sd: -)" "$root/bench/LaunchBenchSetup.java" \
  "$url" "$key" "$work/app"
# No lib/launch.aot yet, so bin/launch adds no -XX:AOTCache and this run may write it. Exit 6 (program cannot be
# executed) is the expected end of the training run; its "Reflex ABORT" line is part of it.
# The cache holds classes, their linking and resolved call sites, but no method profiles (-AOTRecordTraining): a JVM
# that finds profiles replays them on a "Training replay" thread and compiles those methods eagerly, which on two
# cores competes with the start itself (10 to 17 ms slower in bench/launch, docs/benchmarks.md).
trained=0
( cd "$work" && env -i PATH=/usr/bin:/bin REFLEX_URL="$url" REFLEX_APIKEY="$key" \
  REFLEX_LAUNCH_JAVA_OPTS="-XX:AOTCacheOutput=$image/lib/launch.aot -XX:+UnlockDiagnosticVMOptions -XX:-AOTRecordTraining -Xlog:aot=warning,cds=warning" \
  "$image/bin/launch" service bench --notime ) >&2 || trained=$?
[ "$trained" -eq 6 ] || { echo "[image] the training run ended with $trained, not 6" >&2; exit 1; }
[ -s "$image/lib/launch.aot" ] || { echo "[image] no AOT cache was written" >&2; exit 1; }
log "launch.aot trained"

tar -C "$out" -czf "$out/$name-linux-x64.tar.gz" "$name"
log "built: $(du -sh "$out/$name-linux-x64.tar.gz" | cut -f1) (runtime $(du -sh "$image/runtime" | cut -f1), lib $(du -sh "$image/lib" | cut -f1) of which launch.aot $(du -sh "$image/lib/launch.aot" | cut -f1))"
