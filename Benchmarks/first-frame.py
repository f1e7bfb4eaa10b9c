#!/usr/bin/env python3
"""Time from starting `marquee CORPUS` to its first frame, measured from outside.

Starts the reader in a pseudo-terminal (120x40, TERM=xterm-256color), records when the
first screen (the list pane's title) reaches the terminal, waits until the status bar
has said "Loading", then presses q and checks the reader exits 0. Repeats and prints
the median and the slowest run, in milliseconds. The time includes process start-up:
it is what a user waits for.

    first-frame.py MARQUEE CORPUS [RUNS]      (RUNS default 5)
"""
import fcntl
import os
import pty
import select
import statistics
import struct
import sys
import termios
import time


def one_run(marquee, corpus):
    start = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        # The frame comes before any article is read, cache or not; and the user's own
        # cache folder is left alone.
        os.environ["MARQUEE_CACHE"] = "off"
        os.execv(marquee, [marquee, corpus])
    output = b""
    first_frame = None
    deadline = start + 30
    while time.monotonic() < deadline:
        ready, _, _ = select.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        if first_frame is None and b"Articles (" in output:
            first_frame = time.monotonic() - start
        if first_frame is not None and b"Loading" in output:
            break
    if first_frame is None:
        os.kill(pid, 9)
        sys.exit(f"first-frame.py: no frame within 30 s; output began {output[:200]!r}")
    os.write(fd, b"q")
    # Drain until the reader exits, so its terminal writes never block.
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"first-frame.py: marquee exited with status {status}")
    return first_frame


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    marquee, corpus = sys.argv[1], sys.argv[2]
    runs = int(sys.argv[3]) if len(sys.argv) > 3 else 5
    times = [one_run(marquee, corpus) * 1000 for _ in range(runs)]
    print(f"first_frame_ms\t{statistics.median(times):.1f}\t{max(times):.1f}")


if __name__ == "__main__":
    main()
