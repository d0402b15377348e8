#!/usr/bin/env python3
"""Benchmark: `infra up --env ENV` against the same stacks applied one after
another with plain terraform, each on a fresh emulator, in one run.

    python3 bench/up_vs_sequential.py [--env prod] [--infra target/release/infra]

Prints both wall times and their ratio (aim: at most 0.5). Not a timed test:
the numbers depend on the machine. The sequential baseline does what a person
following the stack READMEs would do: for each stack in dependency order,
`terraform init` with the backend configuration, then `terraform apply
-auto-approve` with the inputs read from the upstream stacks' outputs.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run(cmd, env, **kw):
    res = subprocess.run(cmd, env=env, capture_output=True, text=True, **kw)
    if res.returncode != 0:
        sys.exit(f"failed: {' '.join(map(str, cmd))}\n{res.stdout[-3000:]}\n{res.stderr[-3000:]}")
    return res.stdout


def start_emulator(infra, home, env):
    e = dict(env, INFRA_HOME=str(home))
    run([infra, "emulator", "start"], e)
    state = json.loads((home / "emulator" / "state.json").read_text())
    return state["endpoint"], e


def stop_emulator(infra, e):
    subprocess.run([infra, "emulator", "stop"], env=e, capture_output=True)


def stack_order(env_data):
    graph = tomllib.loads((ROOT / "infrastructure/stacks/stacks.toml").read_text())["stack"]
    regions = sorted(env_data["regions"])
    primary = env_data["primary_region"]
    secondary = {r: next((o for o in regions if o != r), r) for r in regions}
    order = []
    for s in graph:  # stacks.toml lists layers in dependency order
        if s["scope"] == "environment":
            order.append((s, primary, "global"))
        else:
            for r in regions:
                order.append((s, r, r))
    return order, primary, secondary


def sequential(env_name, endpoint, work):
    env_data = json.loads((ROOT / f"infrastructure/environments/{env_name}.json").read_text())
    order, primary, secondary = stack_order(env_data)
    base = dict(
        os.environ,
        TF_CLI_CONFIG_FILE=str(ROOT / "infrastructure/terraform.rc"),
        CHECKPOINT_DISABLE="1",
        TF_IN_AUTOMATION="1",
        AWS_ENDPOINT_URL=endpoint,
        AWS_ACCESS_KEY_ID=env_data["account_id"],
        AWS_SECRET_ACCESS_KEY="local",
        AWS_MAX_ATTEMPTS="3",
    )
    outputs = {}
    for stack, region, where in order:
        layer = stack["layer"]
        sid = f"{env_name}-{where}-{layer}"
        d = str(ROOT / "infrastructure/stacks" / layer)
        e = dict(base, TF_DATA_DIR=str(work / sid))
        if stack.get("backend") == "local":
            backend = [f"-backend-config=path={work / (sid + '.tfstate')}"]
        else:
            boot = outputs[(region, "bootstrap")]
            backend = [
                f"-backend-config=bucket={boot['state_bucket_name']}",
                f"-backend-config=key={env_name}/{where}/{layer}.tfstate",
                f"-backend-config=region={region}",
                "-backend-config=use_lockfile=true",
                "-backend-config=encrypt=true",
                f"-backend-config=kms_key_id={boot['state_kms_key_arn']}",
            ]
        run(["terraform", f"-chdir={d}", "init", "-input=false", "-lockfile=readonly", *backend], e)
        inputs = {}
        for var, ref in stack.get("inputs", {}).items():
            up, out = ref.split(".", 1)
            up_region = region
            if "@" in up:
                up, which = up.split("@")
                up_region = primary if which == "primary" else secondary[region]
            key = (up_region, up)
            if key not in outputs:  # an environment-wide upstream
                key = (primary, up)
            inputs[var] = outputs[key][out]
        var_file = work / f"{sid}.tfvars.json"
        var_file.write_text(json.dumps(inputs))
        run(["terraform", f"-chdir={d}", "apply", "-auto-approve", "-input=false",
             f"-var=environment={env_name}", f"-var=region={region}", f"-var-file={var_file}"], e)
        raw = json.loads(run(["terraform", f"-chdir={d}", "output", "-json"], e))
        outputs[(region, layer)] = {k: v["value"] for k, v in raw.items()}
    return len(order)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--env", default="prod")
    ap.add_argument("--infra", default=str(ROOT / "target/release/infra"))
    args = ap.parse_args()
    if not Path(args.infra).exists():
        sys.exit(f"{args.infra} not found: run `cargo build --release` first")
    tmp = Path(tempfile.mkdtemp(prefix="infra-bench-"))
    try:
        # 1. infra up on a fresh emulator
        endpoint, e = start_emulator(args.infra, tmp / "infra-home", dict(os.environ))
        t0 = time.monotonic()
        run([args.infra, "up", "--env", args.env, "--quiet"], dict(e, INFRA_LOCAL_ENDPOINT=endpoint))
        t_infra = time.monotonic() - t0
        stop_emulator(args.infra, e)

        # 2. the same stacks, one after another, with plain terraform, on a fresh emulator
        endpoint, e = start_emulator(args.infra, tmp / "seq-home", dict(os.environ))
        work = tmp / "seq"
        work.mkdir()
        t0 = time.monotonic()
        n = sequential(args.env, endpoint, work)
        t_seq = time.monotonic() - t0
        stop_emulator(args.infra, e)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print(f"stacks: {n} (env {args.env}, both regions)")
    print(f"infra up:              {t_infra:7.1f} s")
    print(f"sequential terraform:  {t_seq:7.1f} s")
    print(f"ratio: {t_infra / t_seq:.2f} (aim: <= 0.50)")


if __name__ == "__main__":
    main()
