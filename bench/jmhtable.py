#!/usr/bin/env python3
"""Prints a JMH SampleTime CSV (-rf csv) as a markdown table of p50/p90/p99 per benchmark and parameters."""
import csv, sys
rows = list(csv.reader(open(sys.argv[1])))
head, rows = rows[0], rows[1:]
if not rows:
    sys.exit("jmhtable: no results (the benchmark failed; see its output above)")
params = [i for i, h in enumerate(head) if h.startswith("Param: ")]
table = {}
for r in rows:
    name, pct = (r[0].split(":") + [""])[:2]
    key = (name.split(".")[-1],) + tuple(r[i] for i in params)
    table.setdefault(key, {})[pct or "mean"] = float(r[4])
print("| " + " | ".join(["benchmark"] + [head[i][7:] for i in params] + ["p50 ms", "p90 ms", "p99 ms", "target"]) + " |")
print("|---" * (len(params) + 5) + "|")
target = sys.argv[2] if len(sys.argv) > 2 else ""
for key, v in table.items():
    f = lambda p: "%.2f" % v[p] if p in v else "-"
    print("| " + " | ".join(key) + " | %s | %s | %s | %s |" % (f("p0.50"), f("p0.90"), f("p0.99"), target))
