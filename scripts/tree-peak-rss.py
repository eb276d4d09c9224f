#!/usr/bin/env python3
"""Run a command; print its wall time, the peak of the summed resident
memory of its whole process tree (a JVM and its Python workers, say), sampled
every 50 ms from /proc, and the CPU time of the processes seen in the tree
(user + system, as last sampled: a process's last 50 ms may be missed).
`/usr/bin/time -v` gives the largest single process only, and the CPU time
of the children that were waited for.

    scripts/tree-peak-rss.py [--by-name] COMMAND [ARGS...]

--by-name also prints the CPU time by process name (java, python...).
"""

import os
import subprocess
import sys
import time


def children() -> dict[int, list[int]]:
    tree: dict[int, list[int]] = {}
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, IndexError, ValueError):
            continue
        tree.setdefault(ppid, []).append(int(pid))
    return tree


TICK = os.sysconf("SC_CLK_TCK")


def cpu_ticks(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime, stime
    except (OSError, IndexError, ValueError):
        return 0


def name(pid: int) -> str:
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            argv = f.read().split(b"\0")
        prog = os.path.basename(argv[0].decode(errors="replace"))
        if prog.startswith("python") and len(argv) > 2:
            tail = [a.decode(errors="replace") for a in argv[1:] if a and not a.startswith(b"-")]
            return f"{prog} {os.path.basename(tail[0]) if tail else ''}".strip()
        return prog
    except OSError:
        return "?"


def rss_kib(pid: int) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def main() -> int:
    args = sys.argv[1:]
    by_name = args[:1] == ["--by-name"]
    if by_name:
        args = args[1:]
    started = time.perf_counter()
    p = subprocess.Popen(args)
    names: dict[int, str] = {}
    peak = 0
    cpu: dict[int, int] = {}
    while p.poll() is None:
        tree, total, todo = children(), 0, [p.pid]
        while todo:
            pid = todo.pop()
            total += rss_kib(pid)
            cpu[pid] = max(cpu.get(pid, 0), cpu_ticks(pid))
            if by_name:  # at every sample: spark-submit (bash) execs java; an exiting process has no cmdline
                names[pid] = name(pid) or names.get(pid, "?")
            todo.extend(tree.get(pid, []))
        peak = max(peak, total)
        time.sleep(0.05)
    elapsed = time.perf_counter() - started
    print(f"tree-peak-rss: {elapsed:.2f} s, peak RSS of the process tree {peak / 1024:.0f} MiB, CPU {sum(cpu.values()) / TICK:.1f} s in {len(cpu)} processes, exit {p.returncode}", file=sys.stderr)
    if by_name:
        totals: dict[str, list[float]] = {}
        for pid, ticks in cpu.items():
            t = totals.setdefault(names.get(pid, "?"), [0, 0])
            t[0] += ticks / TICK
            t[1] += 1
        for n, (secs, count) in sorted(totals.items(), key=lambda x: -x[1][0]):
            print(f"tree-peak-rss:   {secs:6.1f} s CPU in {count} x {n}", file=sys.stderr)
    return p.returncode


if __name__ == "__main__":
    sys.exit(main())
