#!/usr/bin/env bash
# Runs the fuzz targets one after another, each for RUNS executions (default
# 1,000,000), seeded from the real files in ../shared/corpora. Needs the
# nightly toolchain and cargo-fuzz (`cargo install cargo-fuzz`).
#   bash fuzz/run.sh [RUNS] [TARGET...]
# Environment:
#   FUZZ_SANITIZER  none (default) or address. Every reader is safe Rust, where
#                   a bug shows as a panic, which libFuzzer catches without a
#                   sanitizer, at about 8x the executions per second; `address`
#                   is worth its cost for `dump`, whose bzip2 decoder is C.
#   FUZZ_MAX_LEN    the largest input, in bytes (default 4096, libFuzzer's own).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1000000}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(wikitext wikiquote_text dump fortune json manifest plain query)
sanitizer=${FUZZ_SANITIZER:-none}
max_len=${FUZZ_MAX_LEN:-4096}
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
  echo "== $t: $runs executions, sanitizer $sanitizer, inputs up to $max_len bytes"
  cargo +nightly fuzz run -s "$sanitizer" "$t" "fuzz/corpus/$t" -- -runs="$runs" -max_len="$max_len" -rss_limit_mb=2048 -timeout=20 -print_final_stats=1 > "fuzz/$t.log" 2>&1 && echo "$t: ok" || echo "$t: FAILED (see fuzz/$t.log and fuzz/artifacts/$t)"
  grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "fuzz/$t.log" || true
done
