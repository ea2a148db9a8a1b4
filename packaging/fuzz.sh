#!/usr/bin/env bash
# Builds the libFuzzer targets (the fuzz preset: clang, ASan + UBSan; tests/fuzz) and runs each on
# its committed corpus (tests/fuzz/corpus/<target>) plus a working corpus in build/fuzz/corpus,
# then reruns every input of both with the leak checker. docs/testing.md, "Fuzzing".
#
# Usage: packaging/fuzz.sh [--seconds N | --runs N] [--jobs J] [target...]
#   --seconds N  fuzz each target for N seconds (default 60: what CI runs)
#   --runs N     fuzz each target for N executions instead (the long run: --runs 1000000)
#   --jobs J     targets fuzzed at the same time (default 2)
#   target       ml100k mldat mlcsv yelp csv checkpoint session runfile (default: all)
# Findings (crash-*, leak-*, oom-*, timeout-*) are written to build/fuzz/findings; a finding is
# fixed and its input added to the target's corpus as a regression test. The table of
# executions per target is printed and kept in build/fuzz/report.txt. Exit status 0 when no
# target found anything.
set -euo pipefail

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=$source_dir/build/fuzz
all_targets=(ml100k mldat mlcsv yelp csv checkpoint session runfile)

limit=(-max_total_time=60)
jobs=2
targets=()
while [ $# -gt 0 ]; do
    case $1 in
        --seconds) limit=(-max_total_time="$2"); shift 2 ;;
        --runs) limit=(-runs="$2"); shift 2 ;;
        --jobs) jobs=$2; shift 2 ;;
        -h | --help) sed -n '2,14s/^# \{0,1\}//p' "$0"; exit 0 ;;
        -*) echo "fuzz: unknown option '$1' (see --help)" >&2; exit 2 ;;
        *) targets+=("$1"); shift ;;
    esac
done
[ ${#targets[@]} -gt 0 ] || targets=("${all_targets[@]}")
for target in "${targets[@]}"; do
    [[ " ${all_targets[*]} " == *" $target "* ]] || { echo "fuzz: no target '$target'" >&2; exit 2; }
done

cd "$source_dir"
echo "== fuzz: build (fuzz preset) in $build_dir"
cmake --preset fuzz > /dev/null
cmake --build --preset fuzz

findings=$build_dir/findings
mkdir -p "$findings" "$build_dir/logs"
rm -f "$findings"/* "$build_dir"/logs/*
# The targets' scratch folders: a run ended by a finding leaves its folder behind.
export TMPDIR=$build_dir/tmp
rm -rf "$TMPDIR" && mkdir -p "$TMPDIR"

# The leak checker runs on every input where allocations and frees differ, which costs most of
# the time: it is off while fuzzing and on in the pass over the corpora afterwards.
fuzz_one() {
    local target=$1
    mkdir -p "$build_dir/corpus/$target"
    "$build_dir/bin/fuzz_$target" "${limit[@]}" -detect_leaks=0 -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$findings/$target-" \
        "$build_dir/corpus/$target" "$source_dir/tests/fuzz/corpus/$target" > "$build_dir/logs/$target.log" 2>&1
    echo $? > "$build_dir/logs/$target.rc"
    "$build_dir/bin/fuzz_$target" -runs=0 -detect_leaks=1 -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$findings/$target-" \
        "$build_dir/corpus/$target" "$source_dir/tests/fuzz/corpus/$target" > "$build_dir/logs/$target.leaks.log" 2>&1
    echo $? > "$build_dir/logs/$target.leaks.rc"
}

running=0
for target in "${targets[@]}"; do
    echo "== fuzz: $target (${limit[*]})"
    fuzz_one "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
done
wait

status=0
report=$build_dir/report.txt
{
    printf '%-11s %12s %8s %8s %9s\n' target executions seconds corpus findings
    for target in "${targets[@]}"; do
        log=$build_dir/logs/$target.log
        runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
        seconds=$(sed -n 's/^Done [0-9]* runs in \([0-9]*\) second.*/\1/p' "$log" | tail -n 1)
        corpus=$(find "$build_dir/corpus/$target" "$source_dir/tests/fuzz/corpus/$target" -type f | wc -l)
        found=$(find "$findings" -name "$target-*" -type f | wc -l)
        # A finding leaves an artifact; a run that failed without one (it did not start, or
        # stopped before libFuzzer's statistics) counts as one too.
        if grep -q "ERROR: \|fuzz property violated\|runtime error" "$log" "$build_dir/logs/$target.leaks.log" ||
            [ "$(cat "$build_dir/logs/$target.rc")" != 0 ] || [ "$(cat "$build_dir/logs/$target.leaks.rc")" != 0 ] ||
            [ -z "$runs" ]; then
            found=$((found > 0 ? found : 1))
        fi
        printf '%-11s %12s %8s %8s %9s\n' "$target" "${runs:-?}" "${seconds:-?}" "$corpus" "$found"
    done
} > "$report"
cat "$report"
if awk 'NR > 1 && $5 != 0 { bad = 1 } END { exit !bad }' "$report"; then status=1; fi
if [ "$status" -ne 0 ]; then
    echo "fuzz: FINDINGS in $findings (logs in $build_dir/logs):" >&2
    ls "$findings" >&2 || true
    grep -h -A3 "fuzz property violated\|ERROR: " "$build_dir"/logs/*.log | head -40 >&2 || true
fi
exit $status
