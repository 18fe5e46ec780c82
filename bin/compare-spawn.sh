#!/usr/bin/env bash
# Compares, in one run, Corral's warm path with what users do today: spawning an interpreter per
# program (python3 -c, node -e, ruby -e, php -r). For each language it runs `corral bench` (warm
# p50 of a trivial program, end to end) and spawns the interpreter with the same program, and
# prints both medians and their ratio; then compute-heavy programs (benchmarks/programs: fib(27),
# a 1 MB JSON round trip, regular expressions over 1 MB) in Corral against CPython and Node, each
# end to end. Prints a Markdown table (docs/performance.md has the last one). Shared, noisy
# machines: read the ratios, not the absolute times.
#   bin/compare-spawn.sh [--iterations N] [--languages "python javascript ..."] [--no-compute]
set -euo pipefail
root="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")/.." && pwd)"
iterations=50
languages="javascript typescript python ruby php"
compute=1
while [ $# -gt 0 ]; do
  case "$1" in
    --iterations) iterations="$2"; shift 2 ;;
    --languages) languages="$2"; shift 2 ;;
    --no-compute) compute=0; shift ;;
    *) echo "compare-spawn: unknown argument '$1'; allowed: --iterations N, --languages \"LANG...\", --no-compute" >&2; exit 2 ;;
  esac
done

notes=()
# ensure <command> <debian package>: installs a missing interpreter when running as root, else notes it
ensure() {
  command -v "$1" >/dev/null 2>&1 && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "compare-spawn: installing $2 for $1..." >&2
    if (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2") >/dev/null 2>&1 \
        && command -v "$1" >/dev/null 2>&1; then
      return 0
    fi
  fi
  notes+=("$1 is not installed (apt-get install $2 as root): its spawn column is skipped")
  return 1
}
# the measuring helper is Python; /usr/bin/python3 is also the Python row's interpreter
if ! [ -x /usr/bin/python3 ]; then
  ensure python3 python3 || { echo "compare-spawn: needs /usr/bin/python3 to measure" >&2; exit 1; }
fi
py=/usr/bin/python3

# spawn_p50 <runs> <argv...>: median wall time in ms of spawning argv to its exit (3 untimed runs first)
spawn_p50() {
  "$py" - "$@" <<'EOF'
import statistics, subprocess, sys, time
runs, argv = int(sys.argv[1]), sys.argv[2:]
times = []
for i in range(3 + runs):
    t0 = time.perf_counter()
    subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=True)
    if i >= 3:
        times.append((time.perf_counter() - t0) * 1000)
print("%.2f" % statistics.median(times))
EOF
}

# field <json> <name>: one field of corral bench's JSON
field() {
  "$py" -c 'import json, sys; v = json.loads(sys.argv[1])[sys.argv[2]]; print("%.2f" % v if isinstance(v, float) else v)' "$1" "$2"
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b > 0) printf "%.1fx", a / b; else print "-" }'; }

"$root/corral" --version >/dev/null # build first, outside the measurement
start_date="$(date -u '+%Y-%m-%d %H:%M UTC')"

declare -A spawn_cmd=(
  [python]="python3|$py|-c|print(41 + 1)"
  [javascript]="node|node|-e|console.log(41 + 1)"
  [typescript]="node|node|-e|console.log(41 + 1)"
  [ruby]="ruby|ruby|-e|puts 41 + 1"
  [php]="php|php|-r|echo 41 + 1, \"\\n\";"
)
declare -A package=([python3]=python3 [node]=nodejs [ruby]=ruby [php]=php-cli)
declare -A target=([javascript]="≤1.5 ms, ≥5x" [typescript]="≤2 ms cached, ≥5x" [python]="≤4 ms, ≥5x" [ruby]="≤10 ms" [php]="≤50 ms")

rows=()
jvm=""
for lang in $languages; do
  extra=()
  label="$lang"
  # the issue's TypeScript target is for a program whose transpiled output is cached
  if [ "$lang" = typescript ]; then extra=(--same-source); label="typescript (cached)"; fi
  echo "compare-spawn: corral bench --language $lang..." >&2
  json="$("$root/corral" bench --language "$lang" --iterations "$iterations" --json "${extra[@]}")"
  p50="$(field "$json" p50_ms)"; p99="$(field "$json" p99_ms)"; eps="$(field "$json" executions_per_second)"
  warmup="$(field "$json" warmup)"
  [ -n "$jvm" ] || jvm="jit=$(field "$json" jit), $(field "$json" truffle_runtime), java $(field "$json" java_version)"
  IFS='|' read -r cmd exe flag prog <<<"${spawn_cmd[$lang]}"
  spawn="-"; r="-"
  if [ "$exe" = "$py" ] || ensure "$cmd" "${package[$cmd]}"; then
    echo "compare-spawn: spawning $cmd $flag ... ($iterations times)..." >&2
    spawn="$(spawn_p50 "$iterations" "$exe" "$flag" "$prog")"
    r="$(ratio "$spawn" "$p50")"
  fi
  rows+=("| $label | $p50 | $p99 | $eps | $spawn | **$r** | ${target[$lang]} |")
done

echo
echo "Run of $start_date on $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) at the end; $jvm;"
echo "corral bench: warm pool of 2, ${warmup:-?} untimed then $iterations timed paced runs, throughput 2 threads for 5 s; spawn: median of $iterations."
echo
echo "| language | Corral warm p50 ms | p99 ms | executions/s (2 threads) | spawn p50 ms | spawn ÷ Corral | target |"
echo "|---|---|---|---|---|---|---|"
printf '%s\n' "${rows[@]}"

if [ "$compute" = 1 ]; then
  crows=()
  for case in fib json_roundtrip regex; do
    for lang in python javascript; do
      ext=py; cmd=python3; exe="$py"
      if [ "$lang" = javascript ]; then ext=js; cmd=node; exe=node; fi
      file="$root/benchmarks/programs/$case.$ext"
      echo "compare-spawn: $case.$ext in Corral..." >&2
      json="$("$root/corral" bench --language "$lang" --program "$file" --iterations 10 --warmup 5 \
        --pacing-ms 0 --duration-seconds 0 --json)"
      p50="$(field "$json" p50_ms)"
      spawn="-"; r="-"
      if [ "$exe" = "$py" ] || ensure "$cmd" "${package[$cmd]}"; then
        echo "compare-spawn: $cmd $case.$ext (10 times)..." >&2
        spawn="$(spawn_p50 10 "$exe" "$file")"
        r="$(ratio "$spawn" "$p50")"
      fi
      crows+=("| $case | $lang | $p50 | $cmd: $spawn | **$r** |")
    done
  done
  echo
  echo "Compute-heavy programs (benchmarks/programs), end to end: Corral warm (5 untimed runs, then p50 of 10) vs spawning the interpreter (median of 10):"
  echo
  echo "| program | language | Corral p50 ms | spawn p50 ms | spawn ÷ Corral |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${crows[@]}"
fi

if [ "${#notes[@]}" -gt 0 ]; then
  echo
  printf 'Note: %s\n' "${notes[@]}"
fi
