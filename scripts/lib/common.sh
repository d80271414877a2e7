# Shared by scripts/test, scripts/hakbench, scripts/setup and scripts/nightly. Source it, do not run it.
# Exit codes as hakbench's (README, "Exit codes"): 3 = environment problem (no JDK 25, a library missing).

HAKMEM_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
EXIT_ENVIRONMENT=3

# java_major JAVA_BIN -> prints the major version (17, 25, ...) or nothing.
java_major() {
  "$1" -version 2>&1 | awk -F'"' '/version/ {split($2, v, "."); print (v[1] == "1" ? v[2] : v[1]); exit}'
}

# find_jdk: sets JAVA_HOME to a JDK >= 25. Order: $JAVA_HOME, /usr/lib/jvm/*25*, then java on PATH.
# The machine's default java may be older (17); it is never trusted blindly.
find_jdk() {
  local candidates=() c major
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  for c in /usr/lib/jvm/*25* /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  if command -v java >/dev/null 2>&1; then
    c="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
    candidates+=("$c")
  fi
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    major="$(java_major "$c/bin/java")"
    if [ -n "$major" ] && [ "$major" -ge 25 ] 2>/dev/null; then
      export JAVA_HOME="$c"
      export PATH="$JAVA_HOME/bin:$PATH"
      return 0
    fi
  done
  echo "error: no JDK 25 or newer found (looked at JAVA_HOME, /usr/lib/jvm/*, java on PATH)." >&2
  echo "       install one, e.g. 'apt-get install temurin-25-jdk' (Adoptium) or set JAVA_HOME." >&2
  return $EXIT_ENVIRONMENT
}

# The Debian packages that provide the competitor allocators, by hakbench allocator name.
declare -A COMPETITOR_PACKAGES=(
  [mimalloc]=libmimalloc2.0
  [jemalloc]=libjemalloc2
  [tcmalloc]=libtcmalloc-minimal4
)

# install_competitors: installs the missing competitor libraries when root and apt-get exist.
# Not root or no apt: says what is missing and carries on (tests that need a library say so).
install_competitors() {
  local missing=() p
  # strace counts the competitors' syscalls in a rebase (without it they are reported as unknown);
  # gcc builds the C twin of the loop for the rebase's native:* rows.
  for p in "${COMPETITOR_PACKAGES[@]}" strace gcc; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "installing competitor allocators: ${missing[*]}" >&2
    DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null 2>&1 || true
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null 2>&1 \
      || echo "warning: could not install ${missing[*]}; the allocators they provide will be skipped" >&2
  else
    echo "note: competitor allocator packages missing (${missing[*]}); install them as root to compare against them" >&2
  fi
}

# find_maven: mvn on PATH.
find_maven() {
  # Maven 3.8 itself (Guava) touches sun.misc.Unsafe; silence that JDK 25 warning, it is not ours.
  export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
  if ! command -v mvn >/dev/null 2>&1; then
    echo "error: Maven (mvn) not found; install it, e.g. 'apt-get install maven'." >&2
    return $EXIT_ENVIRONMENT
  fi
}
