#!/usr/bin/env python3
"""CPU time of the CDP load run's three parties: the server, the load generator and PostgreSQL.

    process-cpu.py sample SAMPLES           # every quarter second, until stopped: CPU seconds per party
    process-cpu.py split SAMPLES PHASES     # per phase: cores busy and CPU per event of each party

Run `sample` beside a load run started with `--phase-log PHASES` (Linux only: it reads /proc). The
server is the process whose command line holds stratum-server.jar, the load generator the one running
CdpIngestLoadRun, PostgreSQL every process named postgres; the whole machine's busy time is read
from /proc/stat. `split` adds up the samples taken during each phase's timed rounds (a sample that
straddles a round's edge counts in proportion) and divides by the rounds' seconds and events.
"""
import glob
import os
import sys
import time

PARTIES = ("server", "client", "postgres")
TICKS = os.sysconf("SC_CLK_TCK")
PERIOD = 0.25


def party_of(pid_dir):
    try:
        with open(pid_dir + "/cmdline", "rb") as f:
            command = f.read().replace(b"\0", b" ").decode(errors="ignore")
        with open(pid_dir + "/comm") as f:
            name = f.read().strip()
    except OSError:
        return None
    if "stratum-server.jar" in command:
        return "server"
    if "CdpIngestLoadRun" in command:
        return "client"
    if name.startswith("postgres"):
        return "postgres"
    return None


def cpu_ticks(pid_dir):
    try:
        with open(pid_dir + "/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return int(fields[11]) + int(fields[12])  # utime + stime
    except OSError:
        return None


def machine_busy_ticks():
    with open("/proc/stat") as f:
        values = [int(v) for v in f.readline().split()[1:]]
    return sum(values) - values[3] - values[4]  # all but idle and iowait


def sample(path):
    seen = {}  # pid dir -> (party, ticks at the last sample), or (None, when to look at it again)
    busy_before = machine_busy_ticks()
    before = time.time()
    with open(path, "w") as out:
        while True:
            time.sleep(PERIOD)
            used = dict.fromkeys(PARTIES, 0)
            for pid_dir in glob.glob("/proc/[0-9]*"):
                known = seen.get(pid_dir)
                if known and known[0] is None and known[1] > before:
                    continue  # not one of the parties a moment ago
                known = known if known and known[0] else None
                party = known[0] if known else party_of(pid_dir)
                if party is None:
                    # looked at again in a second: a shell that forked may since have become the load generator
                    seen[pid_dir] = (None, before + 1.0)
                    continue
                ticks = cpu_ticks(pid_dir)
                if ticks is None:
                    continue
                # a process first seen now is counted from here on: its past is not this interval's
                used[party] += ticks - known[1] if known else 0
                seen[pid_dir] = (party, ticks)
            busy, now = machine_busy_ticks(), time.time()
            out.write("%.3f %.3f %s %.2f\n" % (before, now, " ".join("%.2f" % (used[p] / TICKS) for p in PARTIES),
                                               (busy - busy_before) / TICKS))
            out.flush()
            busy_before, before = busy, now


def split(samples_path, phases_path):
    rounds = []  # (phase, start s, end s, events)
    with open(phases_path) as f:
        for line in f:
            phase, started, ended, events = line.split()
            rounds.append((phase, int(started) / 1000, int(ended) / 1000, int(events)))
    totals = {}  # phase -> [seconds, events, server, client, postgres, machine]
    for phase, started, ended, events in rounds:
        total = totals.setdefault(phase, [0.0] * 6)
        total[0] += ended - started
        total[1] += events
    with open(samples_path) as f:
        for line in f:
            began, ended, *used = (float(v) for v in line.split())
            for phase, round_start, round_end, _ in rounds:
                overlap = min(ended, round_end) - max(began, round_start)
                if overlap > 0:  # an interval straddling a round's edge counts pro rata
                    share = overlap / (ended - began)
                    for i, value in enumerate(used):
                        totals[phase][2 + i] += value * share
    for phase, (seconds, events, *cpu) in totals.items():
        print("%s: %d events in %.1f s, %.0f events/s" % (phase, events, seconds, events / seconds))
        for party, used in zip(("server", "load generator", "PostgreSQL", "whole machine"), cpu):
            print("  %-14s %5.2f cores busy, %4.0f us of CPU per event" % (party, used / seconds, 1e6 * used / events))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "sample":
        sample(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "split":
        split(sys.argv[2], sys.argv[3])
    else:
        sys.exit(__doc__)
