#!/usr/bin/env bash
# Screenshots of the reader's site for a pull request that changes templates: home, an article, search with results
# and a person page, at desktop (1366x900, whole page) and phone (390x844, first screen) sizes, light and dark.
#
#   tests/screenshots.sh                 # the repository's dossier, English interface, into ./screenshots/
#   tests/screenshots.sh out vi          # into out/, with the Vietnamese interface (templates/i18n/vi.yml)
#
# Needs the .NET SDK and Debian's Chromium (/usr/bin/chromium), driven by Playwright; no browser is downloaded.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
out="$(realpath -m "${1:-screenshots}")"
language="${2:-}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# Build a copy of the dossier, so the repository's _site/ and its cache are left alone.
cp -r "$root/site.yml" "$root/content" "$root/templates" "$work/"
mkdir -p "$work/seeds"
if [[ -n "$language" ]]; then
  sed -i "s/^language: .*/language: $language/" "$work/site.yml"
fi
dotnet run --project "$root/src/StaticDossier.Cli" -- build --config "$work/site.yml" --out "$work/_site" --no-cache
dotnet run -c Release --project "$root/tests/StaticDossier.Benchmarks" -- screenshots "$work/_site" "$out"
echo "screenshots in $out"
