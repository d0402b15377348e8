#!/usr/bin/env python3
"""The plan gate against checkov over the same plans, in one run.

Times `infra check --plan-dir DIR` (the Rego policies over every plan, the
whole process) and checkov over the same plan documents (one process,
`--framework terraform_plan --skip-download`, as scripts/lib/checkov-plans
runs it), then prints the ratio gate/checkov (aim: <= 1/20 = 0.05).

Plans: DIR holds `terraform show -json` documents, e.g. made by
  INFRA_HOME=... INFRA_LOCAL_ENDPOINT=... target/release/infra check --env prod --save-plans DIR
after `infra up --env prod`.

Usage: bench/gate_vs_checkov.py DIR [--repeat N] [--checkov PATH]
"""
import argparse
import glob
import json
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def timed(cmd, ok=(0, 1)):
    start = time.monotonic()
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    secs = time.monotonic() - start
    if p.returncode not in ok:
        sys.exit(f"{' '.join(cmd[:3])} ... failed ({p.returncode}):\n{p.stderr[-2000:]}")
    return secs, p.stdout


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("plans")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--checkov", default=os.environ.get("CHECKOV", "checkov"))
    a = ap.parse_args()
    plans = sorted(glob.glob(os.path.join(a.plans, "*.json")))
    if not plans:
        sys.exit(f"no plans in {a.plans}")
    infra = os.path.join(ROOT, "target", "release", "infra")
    gate_cmd = [infra, "check", "--plan-dir", a.plans, "--json"]
    checkov_cmd = [a.checkov]
    for p in plans:
        checkov_cmd += ["-f", p]
    checkov_cmd += ["--framework", "terraform_plan", "--skip-download", "--compact", "--quiet",
                    "--repo-root-for-plan-enrichment", os.path.join(ROOT, "infrastructure"), "-o", "json"]
    gate, evals, ck = [], [], []
    for _ in range(a.repeat):
        secs, out = timed(gate_cmd)
        gate.append(secs)
        evals.append(json.loads(out)["evaluation_secs"])
        secs, _ = timed(checkov_cmd)
        ck.append(secs)
    g, e, c = statistics.median(gate), statistics.median(evals), statistics.median(ck)
    resources = 0
    for p in plans:
        with open(p) as f:
            doc = json.load(f)
        resources += sum(1 for r in doc.get("resource_changes", []) if r.get("mode") == "managed")
    print(f"plans: {len(plans)} ({resources} resources) in {a.plans}; median of {a.repeat} runs")
    print(f"infra check (whole process): {g:.3f} s   (policy evaluation alone {e:.3f} s)")
    print(f"checkov:                     {c:.3f} s")
    print(f"ratio gate/checkov: {g / c:.4f}  (1/{c / g:.0f}; aim <= 1/20)")


if __name__ == "__main__":
    main()
