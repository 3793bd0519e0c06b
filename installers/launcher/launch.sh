#!/bin/sh
# Launch Assist from the self-contained runtime image (see docs/launch.md). POSIX sh, not bash: this script sits
# in front of every container start, and a slim image may have no bash. It `exec`s the image's own JVM, so the PID
# a supervisor started stays the launcher's and, after the launcher's execve, the app's.
# @CLASSPATH@ is filled in at build time: the AOT cache only applies to the exact class path it was trained with.
here=$(cd "$(dirname "$0")/.." && pwd)
aot=
[ -f "$here/lib/launch.aot" ] && aot=-XX:AOTCache="$here/lib/launch.aot"
# Exec mode (and the short commands) ends in execve within a fraction of a second, so memory does not matter there
# but every millisecond does: a young generation that holds the whole start (about 20 MB is allocated) and a code
# cache large enough not to trigger the code-cache GC threshold (15 % of it) keep the start free of GC pauses, which
# otherwise cost 10 to 35 ms in five young and often one full collection.
start="-XX:TieredStopAtLevel=1 -Xms40m -Xmn32m -Xmx96m -XX:ReservedCodeCacheSize=32m"
case " $* " in
  # With --proxy the launcher carries every request of the service: the full JIT (C1 then C2, which needs two
  # compiler threads), a larger heap and code cache.
  *" --proxy "*|*" --proxy="*) start="-XX:CICompilerCount=2 -Xmx128m -XX:ReservedCodeCacheSize=48m" ;;
  # Supervise mode stays resident next to the app, so memory matters more than a few ms: without the JIT (C1 alone
  # cost about 10 MB of peak RSS in compiler arenas, code cache and its thread) the launcher peaks near 58 MB.
  *" --mode supervise "*|*" --mode=supervise "*) start=-XX:TieredStopAtLevel=0 ;;
esac
# reflex.launch.script: a proxy turned on by the pipeline alone restarts through this script (ProxyRestart)
exec "$here/runtime/bin/java" $aot @JAVA_OPTS@ $start -Dreflex.launch.script="$here/bin/launch" \
  ${REFLEX_LAUNCH_JAVA_OPTS:-} \
  -cp "@CLASSPATH@" io.reflex.launcher.cli.LaunchMain "$@"
