#!/bin/sh
# Launch Assist from the self-contained runtime image (see docs/launch.md). POSIX sh, not bash: this script sits
# in front of every container start, and a slim image may have no bash. It `exec`s the image's own JVM, so the PID
# a supervisor started stays the launcher's and, after the launcher's execve, the app's.
# @CLASSPATH@ is filled in at build time: the AOT cache only applies to the exact class path it was trained with.
here=$(cd "$(dirname "$0")/.." && pwd)
aot=
[ -f "$here/lib/launch.aot" ] && aot=-XX:AOTCache="$here/lib/launch.aot"
# Supervise mode stays resident next to the app, so memory matters more than a few ms: without the JIT (C1 alone
# cost about 10 MB of peak RSS in compiler arenas, code cache and its thread) the launcher peaks near 58 MB.
jit=-XX:TieredStopAtLevel=1
proxy=
# With --proxy the launcher carries every request of the service: the full JIT (C1 then C2, which needs two
# compiler threads), a larger heap and code cache.
case " $* " in
  *" --proxy "*|*" --proxy="*) jit= proxy="-XX:CICompilerCount=2 -Xmx128m -XX:ReservedCodeCacheSize=48m" ;;
  *" --mode supervise "*|*" --mode=supervise "*) jit=-XX:TieredStopAtLevel=0 ;;
esac
exec "$here/runtime/bin/java" $aot $jit \
  @JAVA_OPTS@ $proxy \
  ${REFLEX_LAUNCH_JAVA_OPTS:-} \
  -cp "@CLASSPATH@" io.reflex.launcher.cli.LaunchMain "$@"
