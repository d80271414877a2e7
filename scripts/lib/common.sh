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

# --- comparing two revisions (scripts/jmh-ab, scripts/duo-ab) ---

# check_revisions TOOL REV... : exit 2 naming the first argument that is not a commit of this repository.
check_revisions() {
  local tool="$1" rev; shift
  for rev in "$@"; do
    git -C "$HAKMEM_ROOT" rev-parse --verify -q "$rev^{commit}" >/dev/null \
      || { echo "$tool: $rev: not a revision of this repository" >&2; exit 2; }
  done
}

# checkout_revisions WORK REV_A REV_B : detached worktrees WORK/a and WORK/b, removed with WORK on exit.
checkout_revisions() {
  local work="$1" side rev
  trap "git -C '$HAKMEM_ROOT' worktree remove --force '$work/a' 2>/dev/null; git -C '$HAKMEM_ROOT' worktree remove --force '$work/b' 2>/dev/null; rm -rf '$work'" EXIT
  for side in a b; do
    rev="$2"; [ "$side" = b ] && rev="$3"
    git -C "$HAKMEM_ROOT" worktree add -q --detach "$work/$side" "$rev"
    echo "checked out $side = $(git -C "$work/$side" log -1 --format='%h %s' | cut -c1-70)" >&2
  done
}

# build_module TOOL DIR MODULE : mvn package of MODULE (and what it needs) in DIR; Maven's output only on failure.
build_module() {
  local log
  log="$(mktemp)"
  if ! (cd "$2" && mvn -B -q -ntp package -pl "$3" -am -DskipTests >"$log" 2>&1); then
    cat "$log" >&2
    rm -f "$log"
    echo "$1: building $3 in $2 failed (above)" >&2
    exit 1
  fi
  rm -f "$log"
}

# median_and_range : numbers on stdin, one per line -> "MEDIAN MIN MAX COUNT"; exit 1 when there are none.
median_and_range() {
  sort -g | awk '{r[NR] = $1} END {if (NR == 0) exit 1; m = NR % 2 ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2;
    printf "%.4f %.4f %.4f %d\n", m, r[1], r[NR], NR}'
}
