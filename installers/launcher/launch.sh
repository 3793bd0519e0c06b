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
case " $* " in
  *" --mode supervise "*|*" --mode=supervise "*) jit=-XX:TieredStopAtLevel=0 ;;
esac
exec "$here/runtime/bin/java" $aot $jit \
  @JAVA_OPTS@ \
  ${REFLEX_LAUNCH_JAVA_OPTS:-} \
  -cp "@CLASSPATH@" io.reflex.launcher.cli.LaunchMain "$@"
