#!/usr/bin/env bash
# Builds the benchmarks and runs them, then rewrites the results section of docs/benchmarks.md and keeps
# the raw results (JMH JSON, heap measurements) in docs/benchmarks/. See docs/benchmarks.md.
#
#   bench/run.sh quick   # about twenty minutes on a quiet machine: 1 fork, short iterations, 100 k and 1 M records
#   bench/run.sh full    # the annotated settings (2 forks, 3 x 2 s warm-up, 5 x 2 s measurement), up to 10 M
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
    # Three warm-up iterations: at 1 M records one iteration is a handful of operations, and with fewer
    # the measured CPU time still includes JIT compilation.
    jmh_opts=(-f 1 -wi 3 -i 3 -w 1s -r 1s)
    big_sizes=(-p records=100000,1000000)
    guard_sizes=(-p records=100000,1000000)
    object_sizes=(-p records=100000,1000000)
    sim_agents=(-p agents=1000)
    rules_sizes=(-p records=100000)
    # Drools needs a longer warm-up than the engine: its first operations run interpreted rule code.
    rules_opts=(-f 1 -wi 5 -w 2s -i 3 -r 1s)
    heap_sizes=(1000000 4000000 7000000 10000000)
    settings="quick: 1 fork, 3 x 1 s warm-up, 3 x 1 s measurement per size"
    ;;
  full)
    jmh_opts=()
    big_sizes=(-p records=10000,100000,1000000,10000000)
    guard_sizes=(-p records=10000,100000,1000000,10000000)
    object_sizes=(-p records=10000,100000,1000000)
    sim_agents=(-p agents=1000,10000)
    rules_sizes=(-p records=100000,1000000)
    rules_opts=()
    heap_sizes=(1000000 2000000 4000000 6000000 7000000 8000000 9000000 10000000)
    settings="full: as annotated, 2 forks, 3 x 2 s warm-up, 5 x 2 s measurement per size"
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
run_jmh() {
  local name="$1"
  shift
  wanted "$name" || return 0
  rm -f "$out/jmh-$name.json"
  local opts=("${jmh_opts[@]}")
  [ "$name" != rules ] || opts=("${rules_opts[@]}")
  java -jar "$jar" "$@" "${opts[@]}" "${prof[@]}" -foe false -rf json -rff "$out/jmh-$name.json"
}

# Columnar benchmarks scale to 10 M records in full mode; record-object benchmarks stop at 1 M (ten
# million record objects do not fit in 2 GiB, which is the point of the batch form).
run_jmh core 'CreditBenchmark|CycleBenchmark|AllocationBenchmark' "${big_sizes[@]}"
run_jmh guard 'GuardrailBenchmark' "${guard_sizes[@]}"
run_jmh objects 'AdmissionBenchmark|BaselineBenchmark' "${object_sizes[@]}"
run_jmh ingestion 'IngestionBenchmark' "${object_sizes[@]}"
run_jmh simulation 'SimulationBenchmark' "${sim_agents[@]}"
run_jmh rules 'RulesBenchmark|AggregatedRulesBenchmark' "${rules_sizes[@]}"

if wanted memory; then
  to_array() { echo "["; paste -sd, -; echo "]"; }
  java -Xms2g -Xmx2g -cp "$jar" dev.kat.bench.report.Footprint resident 10000 100000 1000000 | to_array > "$out/resident.json"
  : > "$out/heap-2g.jsonl"
  for n in "${heap_sizes[@]}"; do
    line="$(java -Xmx2g -cp "$jar" dev.kat.bench.report.Footprint cycle "$n" || true)"
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
  "java=$(java -version 2>&1 | head -1)" "heap=-Xms2g -Xmx2g"
echo "results written to docs/benchmarks.md and $out/"
