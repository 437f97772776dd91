#!/usr/bin/env python3
"""Builds a synthetic MediaWiki dump from the real Wikiquote pages in
../shared/corpora/wikiquote, bz2-compressed in many streams the way a
multistream dump is, with every copy of a page under a fresh title.

    python3 bench/synth_dump.py OUT.xml.bz2 [--mb 1100]

--mb is the size of the uncompressed XML. Used to measure that a dump of
any size ingests in bounded memory (see docs/BENCHMARKS.md).
"""
import argparse
import bz2
import html
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
PAGES = os.path.join(HERE, "..", "..", "shared", "corpora", "wikiquote")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=1100)
    ap.add_argument("--pages-per-stream", type=int, default=100)
    a = ap.parse_args()
    pages = []
    for name in sorted(os.listdir(PAGES)):
        if name.endswith((".wiki", ".wikitext")):
            with open(os.path.join(PAGES, name), encoding="utf-8") as f:
                title = name.rsplit(".", 1)[0].replace("_", " ")
                for prefix in ("person ", "theme "):
                    title = title[len(prefix):] if title.startswith(prefix) else title
                pages.append((title, html.escape(f.read(), quote=False)))
    if not pages:
        sys.exit(f"no pages in {PAGES}")
    target = int(a.mb * 1e6)
    written = 0
    n = 0
    with open(a.out, "wb") as out:
        head = '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" xml:lang="en">\n  <siteinfo><sitename>Wikiquote</sitename></siteinfo>\n'
        out.write(bz2.compress(head.encode()))
        written += len(head)
        while written < target:
            comp = bz2.BZ2Compressor(9)
            for _ in range(a.pages_per_stream):
                title, text = pages[n % len(pages)]
                page = (
                    f"  <page>\n    <title>{html.escape(title)} (copy {n // len(pages) + 1})</title>\n    <ns>0</ns>\n"
                    f"    <id>{n + 1}</id>\n    <revision>\n      <id>{n + 1}</id>\n"
                    f'      <text bytes="{len(text)}" xml:space="preserve">{text}</text>\n    </revision>\n  </page>\n'
                ).encode()
                out.write(comp.compress(page))
                written += len(page)
                n += 1
                if written >= target:
                    break
            out.write(comp.flush())
        tail = "</mediawiki>\n"
        out.write(bz2.compress(tail.encode()))
        written += len(tail)
    print(f"{a.out}: {n} pages, {written / 1e6:.1f} MB of XML, {os.path.getsize(a.out) / 1e6:.1f} MB compressed")


if __name__ == "__main__":
    main()
