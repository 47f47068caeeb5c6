#!/usr/bin/env python3
"""Runs a command with its standard output sent to /dev/null and prints its CPU time (user +
system) and wall time in milliseconds, from the kernel's accounting of that one child
(os.wait4), to the microsecond: `/usr/bin/time` rounds CPU time to hundredths, a percent of a
one-second run. (Its peak resident set would include this Python process's, which the child
starts as a copy of: take that from `/usr/bin/time`.)

Usage: bench/parse/cputime.py CMD [ARGS...]   ->   "cpu_ms wall_ms"
"""
import os
import subprocess
import sys
import time

start = time.monotonic()
child = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL)
_, status, usage = os.wait4(child.pid, 0)
wall = time.monotonic() - start
if status != 0:
    sys.exit(f"{sys.argv[1]} exited with status {os.waitstatus_to_exitcode(status)}")
print(f"{(usage.ru_utime + usage.ru_stime) * 1000:.1f} {wall * 1000:.1f}")
