#!/usr/bin/env python3
"""The cost levers' benchmark: the estimate of an environment's plans against
the same capacity bought naively (x86 on-demand, gp2, fixed peak sizes), as
priced by `infra cost` (pricing/prices.json); aim for prod: <= 0.65.

Usage: bench/cost_naive.py DIR [DIR ...]   (saved plans, e.g. from
  `infra check --env prod --save-plans DIR`); one line per directory.
"""
import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    infra = os.path.join(ROOT, "target", "release", "infra")
    for d in sys.argv[1:]:
        p = subprocess.run([infra, "cost", "--plan-dir", d, "--json"], stdout=subprocess.PIPE, text=True)
        j = json.loads(p.stdout)
        t = j["totals"]
        ratio = t["monthly"] / t["naive_monthly"] if t["naive_monthly"] else float("nan")
        regions = ", ".join(f"{r} ${v:,.2f}" for r, v in sorted(t["by_region"].items()))
        print(f"{d}: ${t['monthly']:,.2f}/month ({regions}); naive ${t['naive_monthly']:,.2f}; "
              f"ratio {ratio:.2f}; unpriced {t['unpriced']}")


if __name__ == "__main__":
    main()
