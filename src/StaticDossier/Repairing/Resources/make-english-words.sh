#!/bin/sh
# Regenerates english-words.txt.gz, the word list ingest repairs run-together words with, from Debian's
# SCOWL-based word lists (wamerican + wbritish, 2020.12.07-2 when this was written; licence beside it in
# english-words.COPYRIGHT.txt). Words of ASCII letters only (ingest checks ASCII words only), lower-cased,
# deduplicated, sorted bytewise; gzip -n so the file does not change with the time it was made.
# Run on a Debian or Ubuntu machine, from this folder.
set -eu
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get download wamerican wbritish >/dev/null)
for deb in "$work"/*.deb; do dpkg-deb -x "$deb" "$work/x"; done
cat "$work/x/usr/share/dict/american-english" "$work/x/usr/share/dict/british-english" \
  | LC_ALL=C grep -E '^[A-Za-z]+$' \
  | LC_ALL=C tr 'A-Z' 'a-z' \
  | LC_ALL=C sort -u \
  | gzip -9 -n > english-words.txt.gz
cp "$work/x/usr/share/doc/wamerican/copyright" english-words.COPYRIGHT.txt
echo "english-words.txt.gz: $(gzip -dc english-words.txt.gz | wc -l) words"
