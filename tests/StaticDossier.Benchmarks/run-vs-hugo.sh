#!/usr/bin/env bash
# StaticDossier against Hugo on the same generated corpus, side by side, on this machine.
#   tests/StaticDossier.Benchmarks/run-vs-hugo.sh [N ...]      (default: 1000 10000)
# Needs: the .NET SDK, GNU time (/usr/bin/time) and Hugo (Debian: apt-get install -y --no-install-recommends hugo).
# Env: WORK (scratch folder, default /tmp/sdbench), RUNS (repetitions of each timed step, default 2),
#      PAIRS (full builds of both tools back to back, alternating, after the table; default 0),
#      RELATED_PAIRS (the same against Hugo's site with related-article lists on its article pages; default 0),
#      EDIT_ROUNDS (saves of each kind in `dossier serve`, body, title and tags, timed by the serve-edit harness; default 3,
#      0 skips them), DOSSIER_BIN and BENCH_BIN (an already built dossier executable and benchmarks executable, instead of
#      publishing and building them here; the publish takes a minute on a quiet machine and half an hour on a loaded one).
#      ELEVENTY (Eleventy's cmd.cjs, for an "eleventy, full site" row: the same site as Hugo's in Nunjucks templates; by
#      default @11ty/eleventy@3 is installed with npm under $WORK/eleventy-tool once; 0 skips the row),
#      ELEVENTY_HEAP_MB (Node's heap limit for it, default 8192: its default of about 4 GB is too small at 100,000 pages).
# Every timed step is a fresh process, measured by /usr/bin/time: wall, CPU (user+sys), peak RSS, and the 1-minute load
# average as it started (on a shared machine, wall times mean little without it). With two sizes or more, a last table
# gives each step's growth from one size to the next (CPU and peak memory, best of its runs): linear growth is the
# ratio of the sizes (issue 24.3: 100,000 articles at most 11x the time and memory of 10,000).
set -euo pipefail

REPO=$(cd "$(dirname "$0")/../.." && pwd)
WORK=${WORK:-/tmp/sdbench}
RUNS=${RUNS:-2}
PAIRS=${PAIRS:-0}
RELATED_PAIRS=${RELATED_PAIRS:-0}
EDIT_ROUNDS=${EDIT_ROUNDS:-3}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(1000 10000)
command -v hugo >/dev/null || { echo "hugo is not installed (apt-get install -y --no-install-recommends hugo)" >&2; exit 2; }
[ -x /usr/bin/time ] || { echo "GNU time is not installed (apt-get install -y time)" >&2; exit 2; }

mkdir -p "$WORK"
cd "$REPO"

# Outputs of earlier runs are moved aside, not deleted, before a timed step, and deleted after the last one: on a disk
# that trims what is freed (ext4 mounted with `discard`), deleting a 10,000-article site takes tens of seconds, and the
# build that follows pays for the disk's work (session 30 measured twice the system time). Renames on one file system
# cost nothing. Trash left by an interrupted run is deleted before anything is timed.
TRASH="$WORK/trash"
rm -rf "$TRASH"
mkdir -p "$TRASH"
aside() {
  local p
  for p in "$@"; do
    [ -e "$p" ] && mv "$p" "$(mktemp -d "$TRASH/XXXXXX")/"
  done
  return 0
}
# The deletion after the last step runs many unlinks at once, as `dossier build` deletes a replaced site.
trap 'find "$TRASH" -type f -print0 | xargs -0 -r -P 16 -n 256 rm -f; rm -rf "$TRASH"' EXIT
echo "# building dossier (Release, Native AOT for this machine's processor) and the corpus generator" >&2
# `dotnet publish -r linux-x64` compiles the CLI, its libraries and .NET itself into one native executable (see the
# CLI's project file): nothing is compiled at run time. IlcInstructionSet=native lets it use every instruction this
# processor has (as a C compiler's -march=native); without it the executable runs on any x86-64 and builds 10,000
# articles about a tenth slower. As `dotnet publish` ships a tool; it takes a minute.
if [ -z "${DOSSIER_BIN:-}" ]; then
  rm -rf "$WORK/bin/dossier"  # a publish adds to a folder: nothing of an earlier kind of build may stay beside it
  dotnet publish "$REPO/src/StaticDossier.Cli" -c Release -r linux-x64 -p:IlcInstructionSet=native -o "$WORK/bin/dossier" >/dev/null
fi
if [ -z "${BENCH_BIN:-}" ]; then
  dotnet build "$REPO/tests/StaticDossier.Benchmarks" -c Release -o "$WORK/bin/bench" >/dev/null
fi
ELEVENTY=${ELEVENTY:-}
ELEVENTY_HEAP_MB=${ELEVENTY_HEAP_MB:-8192}
if [ -z "$ELEVENTY" ] && command -v npm >/dev/null; then
  if [ ! -f "$WORK/eleventy-tool/node_modules/@11ty/eleventy/cmd.cjs" ]; then
    echo "# installing Eleventy (npm @11ty/eleventy@3) under $WORK/eleventy-tool" >&2
    mkdir -p "$WORK/eleventy-tool"
    (cd "$WORK/eleventy-tool" && echo '{ "private": true }' >package.json && npm install --no-audit --no-fund @11ty/eleventy@3 >/dev/null)
  fi
  ELEVENTY="$WORK/eleventy-tool/node_modules/@11ty/eleventy/cmd.cjs"
fi
[ "$ELEVENTY" = 0 ] && ELEVENTY=
DOSSIER=${DOSSIER_BIN:-"$WORK/bin/dossier/dossier"}
BENCH=${BENCH_BIN:-"$WORK/bin/bench/StaticDossier.Benchmarks"}
echo "dossier: $DOSSIER"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "hugo: $(hugo version | cut -d' ' -f2); dotnet: $(dotnet --version); eleventy: ${ELEVENTY:+$(node "$ELEVENTY" --version)}; runs per step: $RUNS"
echo
printf '| %-6s | %-44s | %8s | %8s | %9s | %8s | %7s | %5s |\n' N step "wall s" "CPU s" "peak MiB" "pages" "pages/s" load
printf '|%s|\n' "--------|----------------------------------------------|----------|----------|-----------|----------|---------|-------"
ROWS="$WORK/rows.tsv"
: >"$ROWS"

# measure N label pages-dir command...: runs the command once under GNU time and prints a table row.
measure() {
  local n=$1 label=$2 pages_dir=$3; shift 3
  local out="$WORK/time.txt" load
  load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %U %S %M' -o "$out" "$@" >"$WORK/last.log" 2>&1 || { echo "FAILED: $label" >&2; tail -5 "$WORK/last.log" >&2; }
  read -r wall user sys rss <"$out"
  local pages=0
  [ -d "$pages_dir" ] && pages=$(find "$pages_dir" -name '*.html' | wc -l)
  awk -v n="$n" -v l="$label" -v w="$wall" -v u="$user" -v s="$sys" -v r="$rss" -v p="$pages" -v a="$load" 'BEGIN {
    printf "| %-6s | %-44s | %8.2f | %8.2f | %9.0f | %8d | %7.0f | %5s |\n", n, l, w, u + s, r / 1024, p, (w > 0 ? p / w : 0), a }'
  # The step without its run number, for the growth table.
  printf '%s\t%s\t%s\t%s\n' "$n" "$(sed -E 's/ \(run [0-9]+\)$//; s/, [0-9]+ seeds/, seeds/' <<<"$label")" "$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')" "$rss" >>"$ROWS"
}

for n in "${SIZES[@]}"; do
  dir="$WORK/n$n"
  # The corpus is deterministic: one made by an earlier run is used again (remove $WORK/nN to make it afresh).
  # (A corpus made before the Eleventy site was part of it is made again when that row is wanted.)
  if [ ! -f "$dir/corpus.done" ] || { [ -n "$ELEVENTY" ] && [ ! -d "$dir/eleventy" ]; }; then
    rm -rf "$dir"
    "$BENCH" corpus "$dir" "$n" >/dev/null
    touch "$dir/corpus.done"
  fi
  site="$dir/dossier/_site"
  for run in $(seq "$RUNS"); do
    aside "$site" "$dir/dossier/._site.cache"
    measure "$n" "dossier build, full (run $run)" "$site" "$DOSSIER" build -c "$dir/dossier/site.yml"
  done
  for run in $(seq "$RUNS"); do
    measure "$n" "dossier build, no change (run $run)" "$site" "$DOSSIER" build -c "$dir/dossier/site.yml"
  done
  for run in $(seq "$RUNS"); do
    printf '\nA paragraph added for run %s.\n' "$run" >>"$dir/dossier/content/article-000001.md"
    measure "$n" "dossier build, one article changed (run $run)" "$site" "$DOSSIER" build -c "$dir/dossier/site.yml"
  done
  if [ "$EDIT_ROUNDS" -gt 0 ]; then
    # `dossier serve` on the built site: one article saved (body, title, tags), the time until the browser is told to
    # reload; "wall" is the median save→reload, "CPU" the server's median CPU for that rebuild, "pages" the saves.
    "$BENCH" serve-edit "$DOSSIER" "$dir/dossier" "$EDIT_ROUNDS" >"$WORK/serve-edit.log" 2>&1 || { echo "FAILED: serve-edit" >&2; tail -5 "$WORK/serve-edit.log" >&2; }
    grep '^median' "$WORK/serve-edit.log" | sed -E 's/^median ([a-z]+) *: save→reload ([0-9]+) ms, .*server CPU ([0-9]+) ms \(([0-9]+) saves\)/\1 \2 \3 \4/' |
      while read -r kind reload cpu saves; do
        awk -v n="$n" -v l="dossier serve, $kind edited: save→reload" -v w="$reload" -v c="$cpu" -v p="$saves" 'BEGIN {
          printf "| %-6s | %-44s | %8.2f | %8.2f | %9s | %8d | %7s | %5s |\n", n, l, w / 1000, c / 1000, "", p, "", "" }'
      done
  fi
  for run in $(seq "$RUNS"); do
    aside "$dir/hugo/public" "$dir/hugo/resources"
    measure "$n" "hugo, full site (run $run)" "$dir/hugo/public" hugo --quiet -s "$dir/hugo"
  done
  for run in $(seq "$RUNS"); do
    aside "$dir/hugo/public-related"
    measure "$n" "hugo, full site + related articles (run $run)" "$dir/hugo/public-related" hugo --quiet -s "$dir/hugo" --config "$dir/hugo/hugo-related.toml" -d "$dir/hugo/public-related"
  done
  for run in $(seq "$RUNS"); do
    aside "$dir/hugo/public-core"
    measure "$n" "hugo, articles+index only (run $run)" "$dir/hugo/public-core" hugo --quiet -s "$dir/hugo" --config "$dir/hugo/hugo-core.toml" -d "$dir/hugo/public-core"
  done
  if [ -n "$ELEVENTY" ]; then
    for run in $(seq "$RUNS"); do
      aside "$dir/eleventy/_site" "$dir/eleventy/.cache"
      # Run from the site's folder: its config names the input as ".".
      measure "$n" "eleventy, full site (run $run)" "$dir/eleventy/_site" \
        bash -c 'cd "$1" && shift && exec "$@"' _ "$dir/eleventy" node --max-old-space-size="$ELEVENTY_HEAP_MB" "$ELEVENTY" --quiet
    done
  fi
  for run in $(seq "$RUNS"); do
    aside "$dir/ingest/content" "$dir/ingest/_site" "$dir/ingest/._site.cache"
    measure "$n" "dossier ingest, $n seeds (run $run)" "" "$DOSSIER" ingest -c "$dir/ingest/site.yml"
  done
  measure "$n" "dossier ingest, no change" "" "$DOSSIER" ingest -c "$dir/ingest/site.yml"
done

median() { printf '%s\n' "$@" | sort -n | awk '{ a[NR] = $1 } END { print (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'; }
# pairs N COUNT LABEL HUGO-OUT [HUGO-ARGS...]: COUNT full builds of each tool back to back, alternating; the median ratio.
pairs() {
  local n=$1 count=$2 label=$3 out=$4; shift 4
  local dir="$WORK/n$n" ratios=() d h r
  echo
  echo "N = $n, full builds back to back (wall s): dossier, $label, $label / dossier"
  for pair in $(seq "$count"); do
    aside "$dir/dossier/_site" "$dir/dossier/._site.cache"
    /usr/bin/time -f '%e' -o "$WORK/time.txt" "$DOSSIER" build -c "$dir/dossier/site.yml" >/dev/null 2>&1
    d=$(cat "$WORK/time.txt")
    aside "$dir/hugo/$out" "$dir/hugo/resources"
    /usr/bin/time -f '%e' -o "$WORK/time.txt" hugo --quiet -s "$dir/hugo" -d "$dir/hugo/$out" "$@" >/dev/null 2>&1
    h=$(cat "$WORK/time.txt")
    r=$(awk -v d="$d" -v h="$h" 'BEGIN { printf "%.2f", h / d }')
    ratios+=("$r")
    echo "pair $pair: $d $h $r"
  done
  echo "median $label / dossier: $(median "${ratios[@]}")"
}
# On a shared machine the speed drifts over minutes; pairs run seconds apart compare the tools at one speed.
for n in "${SIZES[@]}"; do
  if [ "$PAIRS" -gt 0 ]; then pairs "$n" "$PAIRS" hugo public; fi
  # The same against Hugo's site with related-article lists on its article pages, as StaticDossier's have.
  if [ "$RELATED_PAIRS" -gt 0 ]; then
    pairs "$n" "$RELATED_PAIRS" "hugo with related articles" public-related --config "$WORK/n$n/hugo/hugo-related.toml"
  fi
done

# growth: for each step timed at two sizes in a row, CPU and peak memory at the larger over the smaller (best run of each).
if [ ${#SIZES[@]} -gt 1 ]; then
  echo
  printf '| %-16s | %-44s | %9s | %9s | %11s |\n' sizes step "size ×" "CPU ×" "peak mem ×"
  printf '|%s|\n' "------------------|----------------------------------------------|-----------|-----------|-------------"
  awk -F'\t' -v sizes="${SIZES[*]}" '
    { k = $1 SUBSEP $2; if (!(k in cpu) || $3 < cpu[k]) cpu[k] = $3; if (!(k in mem) || $4 < mem[k]) mem[k] = $4; if (!($2 in seen)) { seen[$2] = 1; order[++steps] = $2 } }
    END {
      count = split(sizes, size, " ")
      for (i = 2; i <= count; i++)
        for (j = 1; j <= steps; j++) {
          a = size[i - 1] SUBSEP order[j]; b = size[i] SUBSEP order[j]
          if ((a in cpu) && (b in cpu) && cpu[a] > 0 && mem[a] > 0)
            printf "| %-16s | %-44s | %9.1f | %9.1f | %11.1f |\n", size[i - 1] " → " size[i], order[j], size[i] / size[i - 1], cpu[b] / cpu[a], mem[b] / mem[a]
        }
    }' "$ROWS"
fi

echo
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
