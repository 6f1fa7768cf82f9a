#!/usr/bin/env bash
# Benchmark of `taxdoc check`: streams N identifiers (default 1,000,000) through stdin and reports
# wall time, throughput and peak memory. Usage: scripts/bench-check.sh [LINES] [KIND]
set -euo pipefail
cd "$(dirname "$0")/.."

lines="${1:-1000000}"
kind="${2:-npwp}"
cargo build --quiet --release -p taxdoc
binary="${CARGO_TARGET_DIR:-target}/release/taxdoc"

input="$(mktemp)"
trap 'rm -f "$input"' EXIT
# A mix of valid, checksum-failing, 16-digit, NIK-based and malformed values.
python3 - "$lines" > "$input" <<'PY'
import sys
values = ["01.312.166.0-091.000", "01.000.521.8-093.010", "0013121660091000",
          "3171015708450001", "01.312.166.O-091.000"]
n = int(sys.argv[1])
sys.stdout.write("".join(values[i % len(values)] + "\n" for i in range(n)))
PY

/usr/bin/time -f "%e %M" -o "$input.time" "$binary" check "$kind" < "$input" > /dev/null || true
read -r seconds max_kib < <(tail -n 1 "$input.time")
rm -f "$input.time"
python3 - "$lines" "$seconds" "$max_kib" <<'PY'
import sys
lines, seconds, kib = int(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
rate = lines / seconds if seconds > 0 else float("inf")
print(f"{lines} lines in {seconds:.2f} s = {rate:,.0f} lines/s; peak RSS {kib / 1024:.1f} MiB")
PY
