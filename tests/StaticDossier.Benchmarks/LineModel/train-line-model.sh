#!/bin/bash
# Remakes src/StaticDossier/Cleaning/Resources/text-lines.model from the evaluation sets' development parts:
#   tests/StaticDossier.Benchmarks/LineModel/train-line-model.sh [EVAL_ROOT]   (default ../shared/eval)
# Exports every text dump line's features with the rules deciding alone (`cleaning features`), labels them against
# the gold and trains the trees (train.py, numpy only). Deterministic: the same data gives the same file.
# Trained on dragnet, readability, cleanportaleval and the AEB development half; cleaneval ("all running text", not an
# article gold) is left out. Leave-one-set-out figures: see tests/StaticDossier.Benchmarks/README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../../.." && pwd)
E=${1:-$ROOT/../shared/eval}
ROWS=$(mktemp --suffix=.tsv)
trap 'rm -f "$ROWS"' EXIT
dotnet build -c Release "$ROOT/tests/StaticDossier.Benchmarks" -v q >/dev/null
# The rules alone: the rows must not depend on the model they train.
LINEMODEL=off dotnet "$ROOT/tests/StaticDossier.Benchmarks/bin/Release/net10.0/StaticDossier.Benchmarks.dll" cleaning features "$ROWS" \
  "$E/wceb-dev/dragnet" "$E/wceb-dev/readability" "$E/wceb-dev/cleanportaleval" "$E/aeb-dev"
/usr/bin/python3 "$ROOT/tests/StaticDossier.Benchmarks/LineModel/train.py" "$ROWS" \
  --gold "dragnet=$E/wceb-dev/dragnet/gold" --gold "readability=$E/wceb-dev/readability/gold" \
  --gold "cleanportaleval=$E/wceb-dev/cleanportaleval/gold" --gold "aeb-dev=$E/aeb-dev/gold" \
  --train dragnet,readability,cleanportaleval,aeb-dev --depth 2 --trees 80 --min-weight 1 \
  --out "$ROOT/src/StaticDossier/Cleaning/Resources/text-lines.model"
