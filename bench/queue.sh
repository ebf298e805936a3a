#!/usr/bin/env bash
# #10 benchmark: the same 24-unit job (the demo card's 2048x1080 CinemaDNG chart, one frame a unit,
# to half-float EXR ZIP) run by 1 and by 2 `rushes worker` processes on a local nats-server, against one
# `rushes render --job` of the whole job; the queue's overhead per unit; and the time from a SIGKILL
# of a worker mid-unit to the redelivered unit's completion. Usage: bench/queue.sh [FRAMES] [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/.."
frames=${1:-24}
work=${2:-${TMPDIR:-/tmp}/rushes-bench-queue}
rm -rf "$work" && mkdir -p "$work"
# RUSHES_DIST: an already built rushes folder (e.g. host/Rushes.Cli/bin/Release/net10.0) instead of a fresh publish.
if [ -n "${RUSHES_DIST:-}" ]; then rushes="$(cd "$RUSHES_DIST" && pwd)/rushes"; else
  dotnet publish host/Rushes.Cli -c Release -o "$work/dist" >/dev/null; rushes="$work/dist/rushes"; fi

port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
nats-server -js -a 127.0.0.1 -p "$port" -sd "$work/js" >"$work/nats.log" 2>&1 &
nats_pid=$!
trap 'kill $nats_pid 2>/dev/null || true' EXIT
url="nats://127.0.0.1:$port"
sleep 1

"$rushes" demo --out "$work/demo" --frames "$frames" --size 2048x1080 >/dev/null 2>&1 || true
clip=$(ls -d "$work"/demo/card/*/ | head -1)
cat >"$work/spec.yaml" <<'SPEC'
spec: 1
name: queue-bench
deliverables:
  - name: plate
    type: openexr
    options: {compression: zip, pixel-type: half}
    naming: "{clip}/{clip}.{frame:0000}.exr"
    sidecars: []
SPEC
job() { # job NAME CHUNK: a job file and its units, output in $work/NAME
  printf '{"clip":"%s","spec":"%s","output":"%s"}' "$clip" "$work/spec.yaml" "$work/$1" >"$work/$1.json"
  "$rushes" plan --job "$work/$1.json" --chunk "$2" -o "$work/$1.units.json" >/dev/null
}
now() { date +%s.%N; }
seconds() { python3 -c "print(f'{$2 - $1:.2f}')"; }
render_seconds() { # the units' own render time (RenderResult.seconds), summed from the units bucket
  "$rushes" status --nats "$url" --queue "$1" --json | python3 -c 'import json,sys; d=json.load(sys.stdin); print("%.2f" % sum(u.get("seconds") or 0 for u in d["unitStates"]))'
}
workers() { # workers QUEUE N: N workers until the queue is empty; prints the wall seconds
  local start pids=() ; start=$(now)
  for i in $(seq "$2"); do "$rushes" worker --nats "$url" --queue "$1" --until-empty --json >"$work/$1.worker$i.jsonl" 2>/dev/null & pids+=($!); done
  wait "${pids[@]}"; seconds "$start" "$(now)"
}

echo "clip: $clip ($frames frames, 2048x1080, 12-bit LJ92), nats-server $(nats-server --version | cut -d' ' -f2)"
job single "$frames"
start=$(now); "$rushes" render --job "$work/single.json" --progress none >/dev/null; single=$(seconds "$start" "$(now)")
echo "rushes render --job (whole job, one process): $single s, $(python3 -c "print(f'{$frames/$single:.2f}')") frames/s"

# A worker's fixed cost: start, load plugins, connect, one empty fetch (2 s) and exit (after one warm-up run).
"$rushes" worker --nats "$url" --queue empty --until-empty >/dev/null 2>&1 || true
start=$(now); "$rushes" worker --nats "$url" --queue empty --until-empty >/dev/null 2>&1; fixed=$(seconds "$start" "$(now)")
echo "worker on an empty queue (start, connect, one 2 s fetch, exit): $fixed s"

for n in 1 2; do
  job "w$n" 1
  "$rushes" submit "$work/w$n.units.json" --nats "$url" --queue "w$n" --ack-wait 30 >/dev/null
  wall=$(workers "w$n" "$n")
  units=$(python3 -c "import json; print(len(json.load(open('$work/w$n.units.json'))['units']))")
  rendered=$(render_seconds "w$n")
  echo "$n worker(s), $units units of 1 frame: $wall s wall, $(python3 -c "print(f'{$units/$wall:.2f}')") units/s; units' own render time $rendered s"
  if [ "$n" = 1 ]; then
    echo "  worker time outside the units' own render time ((wall - fixed - render) / units): $(python3 -c "print(f'{1000*($wall-$fixed-$rendered)/$units:.0f}')") ms a unit"
  fi
  # The workers' own account of each unit (done events): the pull, the queue bookkeeping (records, ack) and the run.
  cat "$work/w$n".worker*.jsonl | python3 -c '
import json, sys
done = [e for e in map(json.loads, sys.stdin) if e["event"] == "done"]
fetch, queue, run = (sum(e[k] for e in done) for k in ("fetchMs", "queueMs", "runMs"))
print(f"  queue overhead per unit (pull + records + ack, from the workers): {(fetch + queue) / len(done):.1f} ms "
      f"(pull {fetch / len(done):.1f}, records and ack {queue / len(done):.1f}), {100 * (fetch + queue) / run:.2f} % of the units run time ({run / len(done):.0f} ms a unit)")
# Each worker process pays once to compile the client code paths of its first unit; the median unit shows the steady state.
overhead = sorted(e["fetchMs"] + e["queueMs"] for e in done)
runs = sorted(e["runMs"] for e in done)
print(f"  median unit: queue overhead {overhead[len(done) // 2]:.1f} ms, run {runs[len(done) // 2]:.0f} ms ({100 * overhead[len(done) // 2] / runs[len(done) // 2]:.2f} %); first unit of a worker: up to {overhead[-1]:.0f} ms")'

  cmp <(cd "$work/single" && find . -name '*.exr' -exec xxhsum -H2 {} + | sort) <(cd "$work/w$n" && find . -name '*.exr' -not -path '*/.rushes-*' -exec xxhsum -H2 {} + | sort) \
    && echo "  outputs identical to the single render (xxh128 of every EXR)"
done

# Kill to redelivered completion: two workers on units of 2 frames (ack wait 5 s); one is killed mid-unit.
job kill 2
"$rushes" submit "$work/kill.units.json" --nats "$url" --queue kill --ack-wait 5 >/dev/null
"$rushes" worker --nats "$url" --queue kill --json >"$work/victim.jsonl" 2>/dev/null & victim=$!
"$rushes" worker --nats "$url" --queue kill --until-empty --json >"$work/survivor.jsonl" 2>/dev/null & survivor=$!
until grep -q '"event":"progress".*"percent":50' "$work/victim.jsonl" 2>/dev/null; do sleep 0.01; done
kill -9 "$victim"; killed=$(now)
# The unit it held: its last one started; a kill that landed after that unit was done measures nothing.
unit=$(grep '"event":"running"' "$work/victim.jsonl" | tail -1 | python3 -c 'import json,sys; print(json.loads(sys.stdin.readline())["unit"])')
if grep -q "\"event\":\"done\",\"jobId\":\"[0-9a-f]*\",\"unit\":\"$unit\"" "$work/victim.jsonl"; then
  echo "SIGKILL landed between units: no redelivery to time (run again)"; kill "$survivor"; exit 1
fi
until grep -q "\"event\":\"done\",\"jobId\":\"[0-9a-f]*\",\"unit\":\"$unit\"" "$work/survivor.jsonl" 2>/dev/null; do sleep 0.02; done
echo "SIGKILL mid-unit to the redelivered unit's completion (ack wait 5 s, units of 2 frames, the other worker busy): $(seconds "$killed" "$(now)") s"
wait "$survivor" || true
