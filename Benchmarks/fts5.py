#!/usr/bin/env python3
"""SQLite FTS5 on a marquee-bench corpus, for compare.sh.

Reads every .txt file under CORPUS into memory, builds an in-memory FTS5 table of
(title, body) -- the first line, then the rest of the file -- and times a few queries
that mean the same as marquee-bench's. Prints tab-separated lines:

    build  read_s | insert_s | peak_rss_bytes  VALUE
    query  MARQUEE_QUERY  MEDIAN_MS  HITS

Queries fetch every matching rowid ordered by FTS5's bm25 rank, as marquee ranks every
hit; each runs 5 times and the first run is discarded, as in marquee-bench.
"""

import os
import resource
import sqlite3
import statistics
import sys
import time

# marquee-bench query -> the FTS5 query that asks the same thing.
QUERIES = {
    "the": "the",
    "premiere": "premiere",
    "zubo": "zubo",
    "porfol": "porfol",
    "shousbrousprioxfliond": "shousbrousprioxfliond",
    "quixotry": "quixotry",
    "premiere album": "premiere album",
    '"red carpet"': '"red carpet"',
    '"for the first time"': '"for the first time"',
    "kl*": "kl*",
    "oscar OR grammy": "oscar OR grammy",
    "premiere -sequel": "premiere NOT sequel",
}
RUNS = 5


def main() -> None:
    corpus = sys.argv[1]
    start = time.perf_counter()
    docs = []
    for root, dirs, files in os.walk(corpus):
        dirs.sort()
        for name in sorted(files):
            if name.endswith(".txt"):
                with open(os.path.join(root, name), encoding="utf-8") as handle:
                    title, _, body = handle.read().partition("\n")
                docs.append((title, body))
    read_s = time.perf_counter() - start

    db = sqlite3.connect(":memory:")
    # remove_diacritics 2 folds accents as marquee does (zoe finds Zoë).
    db.execute(
        "CREATE VIRTUAL TABLE docs USING fts5(title, body, "
        "tokenize = 'unicode61 remove_diacritics 2')"
    )
    start = time.perf_counter()
    with db:
        db.executemany("INSERT INTO docs(title, body) VALUES (?, ?)", docs)
    insert_s = time.perf_counter() - start
    # ru_maxrss is in kilobytes on Linux.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024

    print(f"build\tread_s\t{read_s}")
    print(f"build\tinsert_s\t{insert_s}")
    print(f"build\tpeak_rss_bytes\t{peak}")
    for marquee, fts in QUERIES.items():
        samples = []
        hits = 0
        for run in range(RUNS):
            start = time.perf_counter()
            rows = db.execute(
                "SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank", (fts,)
            ).fetchall()
            elapsed = time.perf_counter() - start
            hits = len(rows)
            if run > 0:
                samples.append(elapsed)
        print(f"query\t{marquee}\t{statistics.median(samples) * 1000}\t{hits}")


if __name__ == "__main__":
    main()
