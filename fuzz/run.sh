#!/usr/bin/env bash
# Runs the fuzz targets, each for SECONDS (default 600), one after another,
# seeded from the real files in ../shared/corpora. Needs the nightly
# toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#   bash fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
secs=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(wikitext wikiquote_text dump fortune json manifest plain query)
shared=${VERBATIM_SHARED:-../shared}
seeds() {
  local t=$1 dir=fuzz/corpus/$1
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir" 2>/dev/null)" ] && return 0
  case $t in
    wikitext) cp "$shared"/corpora/wikiquote/*.wiki "$shared"/corpora/wikiquote/*.wikitext "$dir"/ ;;
    wikiquote_text|plain|query) cp "$shared"/seed/*.txt "$dir"/ ;;
    dump) for f in "$shared"/corpora/wikiquote/*.wiki; do
            { echo '<mediawiki><page><title>T</title><ns>0</ns><revision><text xml:space="preserve">';
              sed 's/&/\&amp;/g; s/</\&lt;/g' "$f"; echo '</text></revision></page></mediawiki>'; } > "$dir/$(basename "$f").xml"; done ;;
    fortune) cp "$shared"/corpora/quotes/fortunes-debian/{humorists,pratchett,tfortunes_epigrams_en.tfortunes} "$dir"/ ;;
    json) head -c 4000 "$shared"/corpora/quotes/dwyl/quotes.json > "$dir/dwyl.json"; cp "$shared"/corpora/quotes/quotable/buddha_misattribution_fix_0ece99f.json "$dir"/ ;;
    manifest) printf '{"path": "a.txt", "speaker": "X", "date": "2020-01-02"}\n{"path": "b.txt", "format": "text"}\n' > "$dir/m.jsonl" ;;
  esac
}
for t in "${targets[@]}"; do
  seeds "$t"
  echo "== $t: $secs s"
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 > "fuzz/$t.log" 2>&1 && echo "$t: ok" || echo "$t: FAILED (see fuzz/$t.log and fuzz/artifacts/$t)"
  grep -E "^Done|stat::number_of_executed_units" "fuzz/$t.log" | tail -1 || true
done
