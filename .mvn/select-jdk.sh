# Sourced by mvnw and .ci/run (POSIX sh). The build needs JDK 21 or newer; when JAVA_HOME is unset
# or older, pick the newest JDK 21+ from the usual install folders so a machine whose default java
# is older still builds. An explicit JAVA_HOME of 21+ always wins.
encounters_java_major() {
  "$1/bin/java" -XshowSettings:properties -version 2>&1 |
    sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p' | head -n 1
}
encounters_select_jdk() {
  if [ -n "${JAVA_HOME-}" ] && [ -x "$JAVA_HOME/bin/javac" ]; then
    current=$(encounters_java_major "$JAVA_HOME")
  elif command -v javac >/dev/null 2>&1; then
    JAVA_HOME=$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")
    current=$(encounters_java_major "$JAVA_HOME")
  else
    current=0
  fi
  [ "${current:-0}" -ge 21 ] && { export JAVA_HOME; return 0; }
  best=""; best_major=0
  set +f # mvnw turns globbing off
  for candidate in /usr/lib/jvm/* /opt/java/* /opt/jdk* /Library/Java/JavaVirtualMachines/*/Contents/Home "$HOME"/.sdkman/candidates/java/*; do
    [ -x "$candidate/bin/javac" ] || continue
    major=$(encounters_java_major "$candidate")
    if [ "${major:-0}" -ge 21 ] && [ "$major" -gt "$best_major" ]; then best=$candidate; best_major=$major; fi
  done
  if [ -z "$best" ]; then
    echo "This build needs JDK 21 or newer; found ${current:-none}. Set JAVA_HOME to a JDK 21+." >&2
    return 1
  fi
  JAVA_HOME=$best
  export JAVA_HOME
}
encounters_select_jdk
# Maven 3.9 on JDK 23+ warns about sun.misc.Unsafe on every run; the flag exists only there.
if [ "$(encounters_java_major "$JAVA_HOME")" -ge 23 ]; then
  case "${MAVEN_OPTS-}" in *sun-misc-unsafe*) ;; *) MAVEN_OPTS="${MAVEN_OPTS-} --sun-misc-unsafe-memory-access=allow"; export MAVEN_OPTS ;; esac
fi
