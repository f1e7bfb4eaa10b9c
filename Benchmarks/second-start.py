#!/usr/bin/env python3
"""marquee's first and second start on a corpus, for compare.sh.

Runs `marquee search premiere CORPUS --limit 10` as a user would, three times each:
  - without the cache (--no-cache): the cold start as it was before the cache;
  - with an empty cache folder: the cold start that also writes the cache;
  - with the cache written: the second start, which reads no article file.
Prints tab-separated lines, the median of the three runs of each:

    start  nocache_s | write_s | second_s                    SECONDS
    start  nocache_rss_bytes | write_rss_bytes | second_rss_bytes  BYTES

Times are wall time of the whole process; RSS is the process's peak (wait4's rusage).
"""

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = 3


def run(marquee: str, corpus: str, cache: str, extra: list[str]) -> tuple[float, int]:
    environment = dict(os.environ, XDG_CACHE_HOME=cache, MARQUEE_STATE="off")
    environment.pop("MARQUEE_CACHE", None)
    start = time.perf_counter()
    process = subprocess.Popen(
        [marquee, "search", "premiere", corpus, "--limit", "10", *extra],
        env=environment, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"second-start.py: marquee search failed ({status})")
    # ru_maxrss is in kilobytes on Linux.
    return elapsed, usage.ru_maxrss * 1024


def main() -> None:
    marquee, corpus = sys.argv[1], sys.argv[2]
    cache = tempfile.mkdtemp(prefix="marquee-second-start-")
    try:
        kinds = {"nocache": [], "write": [], "second": []}
        for _ in range(RUNS):
            kinds["nocache"].append(run(marquee, corpus, cache, ["--no-cache"]))
            shutil.rmtree(cache, ignore_errors=True)
            os.makedirs(cache)
            kinds["write"].append(run(marquee, corpus, cache, []))
        for _ in range(RUNS):
            kinds["second"].append(run(marquee, corpus, cache, []))
        for kind, runs in kinds.items():
            print(f"start\t{kind}_s\t{statistics.median(r[0] for r in runs)}")
            print(f"start\t{kind}_rss_bytes\t{statistics.median(r[1] for r in runs)}")
    finally:
        shutil.rmtree(cache, ignore_errors=True)


if __name__ == "__main__":
    main()
