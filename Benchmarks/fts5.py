#!/usr/bin/env python3
"""SQLite FTS5 on a marquee-bench corpus, for compare.sh.

Reads every .txt file under CORPUS into memory, builds an in-memory FTS5 table of
(title, body) -- the first line, then the rest of the file -- and times a few queries
that mean the same as marquee-bench's. Prints tab-separated lines:

    build  read_s | insert_s | peak_rss_bytes  VALUE
    query  MARQUEE_QUERY  MEDIAN_MS  HITS
    disk   first_query_s | first_query_rss_bytes  VALUE

The "disk" lines are FTS5's second start: the table written to a database file
(`VACUUM INTO`), then, in a new python3 process, the time from opening that file to
having the first query's rows (`premiere`, every hit ranked), and that process's peak
RSS; the median of three such processes, page cache warm.

Queries fetch every matching rowid ordered by FTS5's bm25 rank, as marquee ranks every
hit; each runs 5 times and the first run is discarded, as in marquee-bench.
"""

import os
import resource
import sqlite3
import statistics
import subprocess
import sys
import tempfile
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

# Run in a new process: open the database file, answer one query, say how long it took.
SECOND_START = """
import resource, sqlite3, sys, time
start = time.perf_counter()
db = sqlite3.connect(sys.argv[1])
rows = db.execute("SELECT rowid FROM docs WHERE docs MATCH ? ORDER BY rank", ("premiere",)).fetchall()
elapsed = time.perf_counter() - start
print(elapsed, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024, len(rows))
"""


def second_start(db: sqlite3.Connection) -> None:
    """FTS5 from disk: a new process opens the database file and asks one query."""
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "docs.db")
        db.execute("VACUUM INTO ?", (path,))
        runs = []
        for _ in range(3):
            output = subprocess.run(
                [sys.executable, "-c", SECOND_START, path],
                check=True, capture_output=True, text=True,
            ).stdout.split()
            runs.append((float(output[0]), int(output[1])))
        runs.sort()
        print(f"disk\tfirst_query_s\t{runs[1][0]}")
        print(f"disk\tfirst_query_rss_bytes\t{runs[1][1]}")


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
    second_start(db)


if __name__ == "__main__":
    main()
