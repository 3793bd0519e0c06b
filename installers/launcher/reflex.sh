#!/bin/sh
# The reflex command line from the self-contained runtime image (see reflex-tools/README.md). POSIX sh, like
# bin/launch beside it. Linked under another name (rxe, engine, apikey, ...) it runs that scope, as the original's
# stand-alone commands did: `ln -s /opt/reflex/bin/reflex /usr/local/bin/rxe`.
# @CLASSPATH@ is filled in at build time.
self=$(readlink -f "$0")
here=$(cd "$(dirname "$self")/.." && pwd)
name=$(basename "$0")
if [ "$name" != reflex ]; then
  set -- --as "$name" "$@"
fi
exec "$here/runtime/bin/java" --sun-misc-unsafe-memory-access=allow -XX:+UseSerialGC -XX:TieredStopAtLevel=1 \
  -DREFLEX_LOG_LEVEL="${REFLEX_LOG_LEVEL:-WARN}" ${REFLEX_JAVA_OPTS:-} \
  -cp "@CLASSPATH@" io.reflex.tools.ReflexMain "$@"
