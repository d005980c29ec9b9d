#!/usr/bin/env bash
# Builds the benchmarks and runs them, then rewrites the results section of docs/benchmarks.md and keeps
# the raw results (JMH JSON, heap measurements) in docs/benchmarks/. See docs/benchmarks.md.
#
#   bench/run.sh quick   # about half an hour on a quiet machine: 1 fork, 100 k and 1 M records
#   bench/run.sh full    # the annotated settings (2 forks, 8 x 2 s warm-up, 5 x 2 s measurement), up to 10 M
#   bench/run.sh quick rules memory   # only these groups; the other groups' last results are kept
#
# Groups: core (credit, cycle, allocation), guard, objects (admission, baselines), ingestion, simulation,
# rules (Drools per record and on aggregated facts), memory (resident bytes, cycles in 2 GiB). To run one
# benchmark, use the jar directly, as each benchmark's Javadoc shows.
set -euo pipefail

mode="${1:-quick}"
shift || true
groups=("$@")
[ ${#groups[@]} -gt 0 ] || groups=(core guard objects ingestion simulation rules memory)
wanted() { local g; for g in "${groups[@]}"; do [ "$g" = "$1" ] && return 0; done; return 1; }
cd "$(dirname "$0")/.."

case "$mode" in
  quick)
    # Up to 100 k records an operation takes at most a few tenths of a second and three 1 s warm-up
    # iterations run it dozens of times. At 1 M records an operation takes about a second, and the JIT
    # compiler keeps compiling and recompiling the stages' loops for about ten of them (some ten seconds
    # on two cores): those sizes get eight 2 s warm-up iterations, so that the measured ones time compiled
    # code and not the compiler.
    jmh_opts=(-f 1 -wi 3 -i 3 -w 1s -r 1s)
    large_opts=(-f 1 -wi 8 -i 3 -w 2s -r 2s)
    small_sizes=records=100000
    large_sizes=records=1000000
    object_large=records=1000000
    sim_agents=(-p agents=1000)
    rules_sizes=(-p records=100000)
    # Drools needs a longer warm-up than the engine: its first operations run interpreted rule code.
    rules_opts=(-f 1 -wi 5 -w 2s -i 3 -r 1s)
    heap_sizes=(1000000 4000000 7000000 10000000)
    settings="quick: 1 fork; 100 k records: 3 x 1 s warm-up, 3 x 1 s measurement; 1 M records: 8 x 2 s warm-up, 3 x 2 s measurement"
    ;;
  full)
    jmh_opts=()
    large_opts=()
    small_sizes=records=10000,100000
    large_sizes=records=1000000,10000000
    object_large=records=1000000
    sim_agents=(-p agents=1000,10000)
    rules_sizes=(-p records=100000,1000000)
    rules_opts=()
    heap_sizes=(1000000 2000000 4000000 6000000 7000000 8000000 9000000 10000000)
    settings="full: as annotated, 2 forks, 8 x 2 s warm-up, 5 x 2 s measurement per size"
    ;;
  *)
    echo "usage: bench/run.sh quick|full [core|guard|objects|ingestion|simulation|rules|memory]..." >&2
    exit 2
    ;;
esac

out=docs/benchmarks
jar=kat-bench/target/benchmarks.jar
mkdir -p "$out"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date -u '+%Y-%m-%d %H:%M UTC')"

mvn -B -q package -pl kat-bench -am -Pbench -DskipTests

prof=(-prof dev.kat.bench.report.CpuTimeProfiler)
# The heap on 2 MiB pages and the serial collector, as the benchmarks' forks and the kat command have them
# (see "JVM settings" in docs/benchmarks.md).
thp=-XX:+UseTransparentHugePages
gc=-XX:+UseSerialGC
# run_jmh <file> <group> <options> -- <jmh arguments>: one JMH run into docs/benchmarks/jmh-<file>.json
run_jmh() {
  local file="$1" group="$2"
  shift 2
  local opts=()
  while [ "$1" != "--" ]; do opts+=("$1"); shift; done
  shift
  wanted "$group" || return 0
  rm -f "$out/jmh-$file.json"
  java -jar "$jar" "$@" ${opts[@]+"${opts[@]}"} "${prof[@]}" -foe false -rf json -rff "$out/jmh-$file.json"
}
# run_sizes <group> <pattern> <large sizes>: the group at its small sizes and, with the longer warm-up, at
# its large ones
run_sizes() {
  run_jmh "$1" "$1" ${jmh_opts[@]+"${jmh_opts[@]}"} -- "$2" -p "$small_sizes"
  run_jmh "$1-large" "$1" ${large_opts[@]+"${large_opts[@]}"} -- "$2" -p "$3"
}

# Columnar benchmarks scale to 10 M records in full mode; record-object benchmarks stop at 1 M (ten
# million record objects do not fit in 2 GiB, which is the point of the batch form).
run_sizes core 'CreditBenchmark|CycleBenchmark|AllocationBenchmark' "$large_sizes"
run_sizes guard 'GuardrailBenchmark' "$large_sizes"
run_sizes objects 'AdmissionBenchmark|BaselineBenchmark' "$object_large"
run_sizes ingestion 'IngestionBenchmark' "$object_large"
run_jmh simulation simulation ${jmh_opts[@]+"${jmh_opts[@]}"} -- 'SimulationBenchmark' "${sim_agents[@]}"
run_jmh rules rules ${rules_opts[@]+"${rules_opts[@]}"} -- 'RulesBenchmark|AggregatedRulesBenchmark' "${rules_sizes[@]}"

if wanted memory; then
  to_array() { echo "["; paste -sd, -; echo "]"; }
  java -Xms2g -Xmx2g "$thp" "$gc" -cp "$jar" dev.kat.bench.report.Footprint resident 10000 100000 1000000 | to_array > "$out/resident.json"
  : > "$out/heap-2g.jsonl"
  for n in "${heap_sizes[@]}"; do
    line="$(java -Xmx2g "$thp" "$gc" -cp "$jar" dev.kat.bench.report.Footprint cycle "$n" || true)"
    [ -n "$line" ] || line="{\"records\": $n, \"ok\": false, \"maxHeap\": 2147483648, \"error\": \"JVM failed\"}"
    echo "$line" >> "$out/heap-2g.jsonl"
    case "$line" in *'"ok": false'*) break ;; esac
  done
  to_array < "$out/heap-2g.jsonl" > "$out/heap-2g.json"
  rm -f "$out/heap-2g.jsonl"
fi

java -cp "$jar" dev.kat.bench.report.BenchmarkReport "$out" docs/benchmarks.md \
  "mode=$mode" "date=$started" "settings=$settings; groups run: ${groups[*]}" "load=$load" \
  "cpus=$(nproc)" "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')" \
  "memory=$(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo)" \
  "java=$(java -version 2>&1 | head -1)" "heap=-Xms2g -Xmx2g $thp $gc"
echo "results written to docs/benchmarks.md and $out/"
