#!/usr/bin/env bash
# Holds the natively compiled `dossier` (Native AOT, what `dotnet publish -r linux-x64` gives) to the just-in-time
# one the tests run: the same commands on copies of this repository's dossier, and on bad input, must give the
# same exit codes, the same messages and byte-identical content/, _site/ and snapshot. The native build keeps the
# library, YamlDotNet and Scriban whole for their reflection; this is what shows nothing they reach is missing.
#
#   bash tests/aot-check.sh [WORK]     (WORK defaults to a temporary folder; about two minutes, mostly publishing)
set -euo pipefail
REPO="$(cd "$(dirname "$0")/.." && pwd)"
WORK="${1:-$(mktemp -d)}"
mkdir -p "$WORK"
echo "# publishing the native and the just-in-time CLI into $WORK" >&2
# MSBuild writes its errors to standard output: kept in a log, shown when a build fails.
compile() {
  local log="$WORK/$1.log"
  shift
  "$@" >"$log" 2>&1 || { tail -30 "$log"; echo "aot-check: '$*' failed"; exit 1; }
}
compile native dotnet publish "$REPO/src/StaticDossier.Cli" -c Release -r linux-x64 -o "$WORK/native"
compile jit dotnet build "$REPO/src/StaticDossier.Cli" -c Release -o "$WORK/jit"
NATIVE=("$WORK/native/dossier")
JIT=(dotnet "$WORK/jit/dossier.dll")

failures=0
checks=0

# A fresh copy of the dossier's inputs (what a clean clone has) for one CLI.
fresh() {
  rm -rf "$1"
  mkdir -p "$1"
  cp -r "$REPO/site.yml" "$REPO/seeds" "$REPO/templates" "$REPO/content" "$1/"
}

# run NAME DIR ARGS...: runs ARGS with both CLIs, each in its own copy DIR-native / DIR-jit, and compares exit code
# and output. Timings and the copy's own folder name are the only differences allowed in the messages.
run() {
  local name=$1 dir=$2
  shift 2
  local kind
  for kind in native jit; do
    local -n cli="${kind^^}"
    (cd "$dir-$kind" && set +e; "${cli[@]}" "$@" >"$dir-$kind.out" 2>&1; echo "exit $?" >>"$dir-$kind.out")
    sed -E -e "s#$dir-$kind#DIR#g" -e 's/[0-9]+(\.[0-9]+)? (ms|s)\b/T/g' -e 's/[0-9.]+ pages\/s/R/g' "$dir-$kind.out" >"$dir-$kind.norm"
  done
  checks=$((checks + 1))
  if cmp -s "$dir-native.norm" "$dir-jit.norm"; then
    echo "same   $name ($(tail -1 "$dir-native.norm"))"
  else
    echo "DIFFER $name"
    diff "$dir-native.norm" "$dir-jit.norm" | head -20 || true
    failures=$((failures + 1))
  fi
}

# expect NAME DIR PATTERN: both CLIs' output (equal, or run already said so) holds PATTERN, e.g. "exit 0": a failure
# both builds share would otherwise pass as "same".
expect() {
  checks=$((checks + 1))
  if grep -q -- "$3" "$2-native.norm" && grep -q -- "$3" "$2-jit.norm"; then
    echo "ok     $1"
  else
    echo "WRONG  $1: no '$3' in the output"
    tail -5 "$2-native.norm" "$2-jit.norm" || true
    failures=$((failures + 1))
  fi
}

# same_tree NAME DIR SUBPATH: the two copies' SUBPATH (a folder) hold the same bytes, but for ingest's input keys:
# they hash the generator's id, which is the executable for the native build and the assemblies for the other.
same_tree() {
  checks=$((checks + 1))
  if diff -r -I '"input_sha256": "[0-9a-f]*"' "$2-native/$3" "$2-jit/$3" >/dev/null; then
    echo "same   $1"
  else
    echo "DIFFER $1"
    diff -r -I '"input_sha256": "[0-9a-f]*"' "$2-native/$3" "$2-jit/$3" | head -20 || true
    failures=$((failures + 1))
  fi
}

D="$WORK/dossier"
fresh "$D-native"
fresh "$D-jit"
run "ingest --force" "$D" ingest --force
expect "ingest succeeds" "$D" "^exit 0$"
same_tree "content/ after ingest" "$D" content
run "build" "$D" build
expect "build succeeds" "$D" "^exit 0$"
same_tree "_site/" "$D" _site
# Each build names its generator in the cache: the executable's hash for the native one, the assemblies' otherwise.
checks=$((checks + 1))
if grep -q '"generator": *"native ' "$D-native/._site.cache/build.json" && ! grep -q '"generator": *"native ' "$D-jit/._site.cache/build.json"; then
  echo "ok     each build names its own kind of generator"
else
  echo "WRONG  generator ids: $(grep -o '"generator": *"[^"]*"' "$D-native/._site.cache/build.json" "$D-jit/._site.cache/build.json" | tr '\n' ' ')"
  failures=$((failures + 1))
fi
run "build again (nothing changed)" "$D" build
expect "a no-change build stops at once" "$D" "^build: up to date"
run "explain a seed" "$D" explain "$(cd "$REPO" && ls seeds/*.txt | head -1)"
expect "explain succeeds" "$D" "^exit 0$"
# Ingest's manifest holds the input keys (see same_tree); the snapshot carries it, so both take the clone's own.
cp "$REPO/content/.ingest/manifest.json" "$D-native/content/.ingest/manifest.json"
cp "$REPO/content/.ingest/manifest.json" "$D-jit/content/.ingest/manifest.json"
run "snapshot" "$D" snapshot --out snapshot.zip --bagging-date 2026-01-01
(cd "$D-native" && mkdir snap && cd snap && unzip -q ../snapshot.zip)
(cd "$D-jit" && mkdir snap && cd snap && unzip -q ../snapshot.zip)
same_tree "snapshot.zip, unpacked" "$D" snap
run "verify" "$D" verify snapshot.zip
expect "the snapshot verifies" "$D" "^exit 0$"
cp "$D-native/snapshot.zip" "$WORK/good.zip"

# serve: a page, the reload script, a path outside the site, then a rebuild after a content change. Status codes
# and bodies are compared (the version a page polls is a number that only has to change).
serve_check() {
  local kind=$1 port=$2
  local out="$D-$kind.serve"
  local -n cli="${kind^^}"
  (cd "$D-$kind" && exec "${cli[@]}" serve --port "$port" >"$D-$kind.serve.log" 2>&1) &
  local pid=$! url="http://127.0.0.1:$port"
  # shellcheck disable=SC2064 # the server of this call, should anything below stop the script
  trap "kill $pid 2>/dev/null || true" EXIT
  for _ in $(seq 120); do curl -sf -o /dev/null "$url/index.html" && break; sleep 0.5; done
  {
    curl -s -w ' %{http_code}\n' "$url/index.html" || echo "no answer"
    curl -s -w ' %{http_code}\n' "$url/__dossier/reload.js" || echo "no answer"
    curl -s -w ' %{http_code}\n' --path-as-is "$url/../site.yml" || echo "no answer"
    curl -s -w ' %{http_code}\n' --path-as-is "$url/%2e%2e/site.yml" || echo "no answer"
    curl -s -w ' %{http_code}\n' "$url/no-such-page.html" || echo "no answer"
  } >"$out"
  local before after=""
  before=$(curl -s "$url/__dossier/version" || echo "no answer")
  sed -i 's/^title: .*/title: "Renamed while serving"/' "$D-$kind/content/$page"
  for _ in $(seq 120); do
    after=$(curl -s "$url/__dossier/version" || echo "no answer")
    [ "$after" != "$before" ] && break
    sleep 0.5
  done
  if [ "$after" != "$before" ] && [ "$before" != "no answer" ]; then echo "rebuilt after a change"; else echo "no rebuild after a change"; fi >>"$out"
  { curl -s "$url/articles/${page%.md}.html" || true; } | grep -c "Renamed while serving" >>"$out" || true
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  trap - EXIT
}
page="$(cd "$REPO/content" && ls *.md | grep -v '^_' | head -1)"
fresh "$D-native"
fresh "$D-jit"
# A free port for each (ss lists the ones taken).
free_port() {
  local port
  for port in $(seq "$1" $(($1 + 200))); do
    ss -Htln "sport = :$port" 2>/dev/null | grep -q . || { echo "$port"; return; }
  done
  echo "$1"
}
serve_check native "$(free_port 18731)"
serve_check jit "$(free_port 18931)"
checks=$((checks + 1))
if cmp -s "$D-native.serve" "$D-jit.serve" && grep -q "^rebuilt after a change" "$D-native.serve" && grep -q " 200$" "$D-native.serve"; then
  echo "same   serve (page, reload script, paths outside the site refused, rebuild on change)"
else
  echo "DIFFER serve"
  diff "$D-native.serve" "$D-jit.serve" | head -20 || true
  tail -3 "$D-native.serve" "$D-native.serve.log" || true
  failures=$((failures + 1))
fi

# Bad input: each case breaks one file of a fresh copy and runs `build` (or what reads that file).
bad() {
  local name=$1 edit=$2
  shift 2
  fresh "$D-native"
  fresh "$D-jit"
  (cd "$D-native" && eval "$edit")
  (cd "$D-jit" && eval "$edit")
  run "$name" "$D" "$@"
}
bad "front matter that is not YAML" "printf -- '---\ntitle: [unclosed\n---\nbody\n' > content/$page" build
bad "front matter with an unknown key" "sed -i '2i colour: red' content/$page" build
bad "site.yml with an unknown key" "printf 'colour: red\n' >> site.yml" build
bad "site.yml with a list for the title" "sed -i 's/^title:.*/title: [a, b]/' site.yml" build
bad "a template that does not parse" "printf '{{ if }}\n' > templates/article.sbn" build
bad "a template reading a missing member" "printf '{{ page.nothing.deeper }}\n' >> templates/article.sbn" build
bad "a seed sidecar with an unknown key" "printf 'url: https://example.org/a\ncolour: red\n' > seeds/000_bf9e1a07d91f4169.seed.yml" ingest --force
bad "a seed sidecar that is not YAML" "printf 'url: [\n' > seeds/000_bf9e1a07d91f4169.seed.yml" ingest --force
bad "a valid seed sidecar" "printf 'url: https://example.org/a\nsource: Example News\nlanguage: vi\n' > seeds/000_bf9e1a07d91f4169.seed.yml" ingest --force
expect "a valid sidecar is ingested" "$D" "^exit 0$"
same_tree "content/ after ingest with a sidecar" "$D" content
bad "a damaged snapshot" "cp '$WORK/good.zip' s.zip && printf x | dd of=s.zip bs=1 seek=40200 conv=notrunc 2>/dev/null" verify s.zip

# import: a hand-made WARC (one gzip member per record, as WARC writers do) through both CLIs: the same seeds,
# sidecars and content pages.
make_warc() {
  local LC_ALL=C n http
  : >"$1"
  for n in 1 2; do
    http=$'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'"<html><head><title>Imported page $n</title></head><body><p>Lavrov arrived in Hanoi for talks on trade, energy and the evacuation of citizens ($n).</p></body></html>"
    printf 'WARC/1.1\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-00000000000%d>\r\nWARC-Date: 2026-03-05T08:09:10Z\r\nWARC-Target-URI: https://example.org/news/%d\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
      "$n" "$n" "${#http}" "$http" | gzip -n >>"$1"
  done
}
fresh "$D-native"
fresh "$D-jit"
make_warc "$D-native/crawl.warc.gz"
cp "$D-native/crawl.warc.gz" "$D-jit/crawl.warc.gz"
run "import a WARC" "$D" import crawl.warc.gz
expect "import saves both pages" "$D" "2 seeds created"
same_tree "seeds/ after import" "$D" seeds
same_tree "content/ after import" "$D" content

echo "$checks checks, $failures differ"
[ "$failures" -eq 0 ]
