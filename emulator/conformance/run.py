#!/usr/bin/env python3
"""Conformance runner: do the Terraform resource types work against the emulator?

For each config dir (the groups under emulator/conformance/ and any --config DIR):
init, apply, re-plan (`plan -detailed-exitcode` must exit 0), destroy, and check
that GET /infra-emulator/resources for the group's account is back to what it
was before the apply. Every group runs in its own emulated account (a distinct
12-digit access key id), against one fresh emulator, 2 groups at a time.

Prints a table (resource type | group | apply | clean re-plan | destroy | note)
and, with --json FILE, writes the same results as JSON.

    python3 emulator/conformance/run.py                      # all groups
    python3 emulator/conformance/run.py network --json out.json
    python3 emulator/conformance/run.py --config infrastructure/modules/vpc/examples/basic

Needs terraform on PATH and the provider mirror (infrastructure/terraform.rc).
"""

import argparse
import json
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
EMULATOR_SRC = HERE.parent / "src"
REPO = HERE.parent.parent
TERRAFORM_RC = REPO / "infrastructure" / "terraform.rc"
FIRST_ACCOUNT = 100000000001

INIT_LOCK = threading.Lock()
PRINT_LOCK = threading.Lock()

OK, FAIL, SKIP = "ok", "FAIL", "-"


def log(message: str) -> None:
    with PRINT_LOCK:
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Emulator:
    """A fresh emulator process for the run."""

    def __init__(self, workdir: Path, port: int = 0):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = workdir / "emulator.log"
        env = dict(os.environ, PYTHONPATH=str(EMULATOR_SRC))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "infra_emulator", "--host", "127.0.0.1",
             "--port", str(self.port), "--quiet"],
            stdout=self.log_path.open("w"), stderr=subprocess.STDOUT, env=env)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"emulator exited; see {self.log_path}")
            try:
                self.get("/infra-emulator/health")
                return
            except OSError:
                time.sleep(0.3)
        raise RuntimeError("emulator did not become healthy in 60 s")

    def get(self, path: str) -> dict:
        with urllib.request.urlopen(self.url + path, timeout=30) as response:
            return json.loads(response.read())

    def resources(self, account: str) -> list[dict]:
        return self.get(f"/infra-emulator/resources?account={account}")["resources"]

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()


ADDRESS_TYPE = re.compile(r"(?:^|\.)((?:aws|data\.aws)_[a-z0-9_]+)\.[A-Za-z0-9_-]+(?:\[[^\]]*\])?$")
ERROR_WITH = re.compile(r"with ((?:module\.[^\s,]+\.)?(?:data\.)?aws_[a-z0-9_]+\.[^\s,]+),")
ERROR_SUMMARY = re.compile(r"Error: (.+)")


def address_type(address: str) -> str | None:
    address = re.sub(r"\[[^\]]*\]", "", address)
    parts = address.split(".")
    # strip module.<name> prefixes
    while parts and parts[0] == "module":
        parts = parts[2:]
    if parts and parts[0] == "data":
        return None  # data sources are not in the table
    return parts[0] if parts and parts[0].startswith("aws_") else None


class Group:
    def __init__(self, name: str, directory: Path, account: str, region: str,
                 emulator: Emulator, workroot: Path, timeout: int):
        self.name = name
        self.source = directory
        self.account = account
        self.region = region
        self.emulator = emulator
        self.work = workroot / name
        self.work.mkdir(parents=True, exist_ok=True)
        self.dir = self.isolate(directory)
        self.state = self.work / "terraform.tfstate"
        self.timeout = timeout
        self.types: dict[str, dict] = {}
        self.steps: dict[str, dict] = {}
        self.leftovers: list[dict] = []
        self.env = dict(
            os.environ,
            TF_CLI_CONFIG_FILE=str(TERRAFORM_RC),
            CHECKPOINT_DISABLE="1",
            TF_IN_AUTOMATION="1",
            TF_INPUT="0",
            TF_DATA_DIR=str(self.work / "tfdata"),
            TF_VAR_region=region,
            AWS_ENDPOINT_URL=emulator.url,
            AWS_ACCESS_KEY_ID=account,
            AWS_SECRET_ACCESS_KEY="local",
            AWS_REGION=region,
            AWS_MAX_ATTEMPTS="3",
        )
        for var in ("AWS_PROFILE", "AWS_SESSION_TOKEN", "AWS_CONFIG_FILE",
                    "AWS_SHARED_CREDENTIALS_FILE"):
            self.env.pop(var, None)

    def isolate(self, directory: Path) -> Path:
        """Where to run: a copy for roots outside emulator/conformance/.

        `terraform init` writes .terraform.lock.hcl (and maybe .terraform/) into
        the root; other people's trees (infrastructure/...) are left untouched by
        running a copy of the root's top-level directory (relative module
        sources keep working).
        """
        if directory.is_relative_to(HERE) or not directory.is_relative_to(REPO):
            return directory
        top = directory.relative_to(REPO).parts[0]
        copy = self.work / "src"
        if copy.exists():
            shutil.rmtree(copy)
        shutil.copytree(REPO / top, copy / top, ignore=shutil.ignore_patterns(
            ".terraform", "*.tfstate", "*.tfstate.*", "*.tfplan"))
        return copy / directory.relative_to(REPO)

    def tf(self, step: str, *args: str) -> subprocess.CompletedProcess:
        started = time.time()
        log(f"{self.name}: terraform {' '.join(args[:1])} ...")
        try:
            result = subprocess.run(
                ["terraform", f"-chdir={self.dir}", *args], env=self.env,
                capture_output=True, text=True, timeout=self.timeout)
        except subprocess.TimeoutExpired as exc:
            out = exc.stdout or ""  # bytes even with text=True (subprocess quirk)
            out = out.decode(errors="replace") if isinstance(out, bytes) else out
            result = subprocess.CompletedProcess(exc.cmd, 124, out,
                                                 f"timed out after {self.timeout} s")
        seconds = round(time.time() - started, 1)
        (self.work / f"{step}.log").write_text(
            f"$ terraform {' '.join(args)}\nexit {result.returncode} ({seconds} s)\n"
            f"--- stdout\n{result.stdout}\n--- stderr\n{result.stderr}")
        self.steps[step] = {"exit": result.returncode, "seconds": seconds}
        log(f"{self.name}: terraform {args[0]} exit {result.returncode} ({seconds} s)")
        return result

    def entry(self, rtype: str) -> dict:
        return self.types.setdefault(rtype, {
            "resource_type": rtype, "group": self.name, "apply": SKIP,
            "replan": SKIP, "destroy": SKIP, "notes": []})

    def state_types(self) -> dict[str, int]:
        result = subprocess.run(
            ["terraform", f"-chdir={self.dir}", "state", "list", f"-state={self.state}"],
            env=self.env, capture_output=True, text=True)
        counts: dict[str, int] = {}
        for line in result.stdout.split():
            rtype = address_type(line)
            if rtype:
                counts[rtype] = counts.get(rtype, 0) + 1
        return counts

    def config_types(self) -> set[str]:
        types = set()
        for tf_file in self.dir.rglob("*.tf"):
            if "/.terraform/" in str(tf_file):
                continue
            types.update(re.findall(r'^\s*resource\s+"(aws_[a-z0-9_]+)"',
                                    tf_file.read_text(), re.M))
        return types

    @staticmethod
    def error_types(output: str) -> dict[str, str]:
        """resource type -> first error summary, from terraform's diagnostics."""
        found: dict[str, str] = {}
        blocks = output.split("Error: ")[1:]
        for block in blocks:
            summary = block.splitlines()[0].strip()
            match = ERROR_WITH.search(block)
            if match:
                rtype = address_type(match.group(1))
                if rtype and rtype not in found:
                    detail = " ".join(line.strip(" │") for line in block.splitlines()[1:8]
                                      if line.strip(" │") and "with " not in line
                                      and "on " not in line[:6])
                    found[rtype] = (summary + ": " + detail)[:300]
        return found

    def run(self) -> None:
        with INIT_LOCK:
            init = self.tf("init", "init", "-input=false", "-no-color")
        if init.returncode != 0:
            self.steps["init"]["error"] = (init.stderr or init.stdout)[-800:]
            for rtype in self.config_types():
                self.entry(rtype)["notes"].append("init failed")
            return
        before = self.emulator.resources(self.account)

        apply = self.tf("apply", "apply", "-auto-approve", "-input=false", "-no-color",
                        f"-state={self.state}")
        applied = self.state_types()
        # Proof that the listing sees what was created: count it now.
        self.steps["apply"]["resources_listed"] = len(self.emulator.resources(self.account)) - len(before)
        failures = self.error_types(apply.stdout + apply.stderr)
        for rtype in sorted(self.config_types() | set(applied) | set(failures)):
            entry = self.entry(rtype)
            if rtype in failures:
                entry["apply"] = FAIL
                entry["notes"].append("apply: " + failures[rtype])
            elif rtype in applied:
                entry["apply"] = OK
            elif apply.returncode != 0:
                entry["notes"].append("not reached (apply failed earlier)")
        if apply.returncode != 0 and not failures:
            self.steps["apply"]["error"] = (apply.stderr or apply.stdout)[-800:]

        if applied:
            plan_file = self.work / "replan.tfplan"
            plan = self.tf("replan", "plan", "-detailed-exitcode", "-input=false",
                           "-no-color", f"-state={self.state}", f"-out={plan_file}")
            if plan.returncode == 0:
                for rtype in applied:
                    self.entry(rtype)["replan"] = OK
            elif plan.returncode == 2:
                changes = self.plan_changes(plan_file)
                for rtype in applied:
                    entry = self.entry(rtype)
                    if rtype in changes:
                        entry["replan"] = FAIL
                        entry["notes"].append("re-plan: " + "; ".join(changes[rtype])[:300])
                    else:
                        entry["replan"] = OK
            else:
                failures = self.error_types(plan.stdout + plan.stderr)
                for rtype in applied:
                    entry = self.entry(rtype)
                    entry["replan"] = FAIL if (rtype in failures or not failures) else SKIP
                    if rtype in failures:
                        entry["notes"].append("re-plan: " + failures[rtype])
                if not failures:
                    self.steps["replan"]["error"] = (plan.stderr or plan.stdout)[-800:]

        destroy = self.tf("destroy", "destroy", "-auto-approve", "-input=false", "-no-color",
                          f"-state={self.state}")
        remaining = self.state_types()
        failures = self.error_types(destroy.stdout + destroy.stderr)
        for rtype in applied:
            entry = self.entry(rtype)
            if rtype in remaining or rtype in failures:
                entry["destroy"] = FAIL
                if rtype in failures:
                    entry["notes"].append("destroy: " + failures[rtype])
                else:
                    entry["notes"].append("destroy: still in state")
            else:
                entry["destroy"] = OK
        if destroy.returncode != 0 and not failures:
            self.steps["destroy"]["error"] = (destroy.stderr or destroy.stdout)[-800:]

        after = self.emulator.resources(self.account)
        key = lambda r: (r["service"], r["region"], r["type"], r["id"])  # noqa: E731
        before_keys = {key(r) for r in before}
        self.leftovers = [r for r in after if key(r) not in before_keys]
        self.steps["leftovers"] = {"count": len(self.leftovers)}
        if self.leftovers:
            log(f"{self.name}: {len(self.leftovers)} resource(s) left behind")

    def plan_changes(self, plan_file: Path) -> dict[str, list[str]]:
        shown = subprocess.run(
            ["terraform", f"-chdir={self.dir}", "show", "-json", str(plan_file)],
            env=self.env, capture_output=True, text=True)
        changes: dict[str, list[str]] = {}
        try:
            plan = json.loads(shown.stdout)
        except ValueError:
            return changes
        for change in plan.get("resource_changes", []):
            actions = change["change"]["actions"]
            if actions in (["no-op"], ["read"]) or change.get("mode") == "data":
                continue
            before = change["change"].get("before") or {}
            after = change["change"].get("after") or {}
            unknown = change["change"].get("after_unknown") or {}
            differing = sorted(k for k in set(before) | set(after)
                               if before.get(k) != after.get(k) or unknown.get(k) is True)
            detail = []
            for attribute in differing[:4]:
                detail.append(f"{attribute}: {json.dumps(before.get(attribute))[:60]}"
                              f" -> {'(known after apply)' if unknown.get(attribute) is True else json.dumps(after.get(attribute))[:60]}")
            text = f"{change['address']} {'/'.join(actions)}"
            if detail:
                text += " (" + ", ".join(detail) + ")"
            changes.setdefault(change["type"], []).append(text)
        return changes

    def result(self) -> dict:
        return {
            "group": self.name,
            "dir": (self.source.relative_to(REPO).as_posix()
                    if self.source.is_relative_to(REPO) else str(self.source)),
            "account": self.account,
            "steps": self.steps,
            "leftovers": self.leftovers,
            "resources": sorted(self.types.values(), key=lambda e: e["resource_type"]),
        }


def table(results: list[dict]) -> str:
    rows = [("resource type", "group", "apply", "clean re-plan", "destroy", "note")]
    for group in results:
        for entry in group["resources"]:
            rows.append((entry["resource_type"], group["group"], entry["apply"],
                         entry["replan"], entry["destroy"], " / ".join(entry["notes"])))
    lines = ["| " + " | ".join(rows[0]) + " |", "|" + "---|" * len(rows[0])]
    for row in rows[1:]:
        lines.append("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |")
    summary = []
    for group in results:
        steps = ", ".join(
            f"{k} {v.get('seconds', v.get('count', ''))}" + ("s" if "seconds" in v else "")
            + ("" if v.get("exit", 0) in (0, 2) or k == "leftovers" else f" (exit {v['exit']})")
            + (f" ({v['resources_listed']} resources listed after it)"
               if "resources_listed" in v else "")
            for k, v in group["steps"].items())
        left = "; ".join(f"{r['service']}/{r['type']} {r['id']}" for r in group["leftovers"])
        summary.append(f"- {group['group']} (account {group['account']}): {steps}"
                       + (f"; LEFT BEHIND: {left}" if left else "; nothing left behind"))
        for step, info in group["steps"].items():
            if "error" in info:
                summary.append(f"  - {step} error: {info['error'].strip()[-400:]}")
    return "\n".join(lines) + "\n\n" + "\n".join(summary)


def holds_opensearch(root: Path) -> bool:
    """A root whose own .tf files or a local module's declare an OpenSearch domain."""
    seen = [root]
    for tf in root.glob("*.tf"):
        for source in re.findall(r'source\s*=\s*"(\.[^"]*)"', tf.read_text()):
            seen.append((root / source).resolve())
    return any("aws_opensearch_domain" in tf.read_text()
               for d in seen for tf in d.glob("*.tf"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("groups", nargs="*",
                        help="group names under emulator/conformance/ (default: all)")
    parser.add_argument("--config", action="append", default=[], metavar="DIR",
                        help="an additional Terraform root to run (repeatable)")
    parser.add_argument("--json", metavar="FILE", help="write the results as JSON")
    parser.add_argument("--parallel", type=int, default=2, help="groups at a time (default 2)")
    parser.add_argument("--region", default="us-east-1")
    parser.add_argument("--timeout", type=int, default=1800,
                        help="seconds per terraform command (default 1800: the provider waits a fixed "
                             "10 minutes after creating and after deleting an OpenSearch domain)")
    parser.add_argument("--workdir", help="keep logs and state here (default: a temp dir)")
    parser.add_argument("--require-coverage", metavar="DIR", action="append", default=[],
                        help="every aws resource type declared in the .tf files under DIR must be "
                             "in the table (passing) or listed in known-gaps.json with its reason")
    args = parser.parse_args()

    if not shutil.which("terraform"):
        print("terraform is not on PATH", file=sys.stderr)
        return 2
    all_groups = sorted(p.name for p in HERE.iterdir() if (p / "main.tf").exists())
    chosen = args.groups or ([] if args.config else all_groups)
    unknown = [g for g in chosen if g not in all_groups]
    if unknown:
        print(f"unknown group(s): {unknown}; known: {all_groups}", file=sys.stderr)
        return 2
    dirs = [(g, HERE / g) for g in chosen]
    for config in args.config:
        path = Path(config).resolve()
        if not path.is_dir():
            print(f"--config {config}: not a directory", file=sys.stderr)
            return 2
        dirs.append((path.relative_to(REPO).as_posix() if path.is_relative_to(REPO)
                     else path.name, path))
    # Roots that hold an OpenSearch domain start first: the provider waits a
    # fixed 10 minutes after creating and after deleting one, so they set the
    # run's length; the others fill the remaining slots meanwhile. The order
    # is otherwise kept (stable sort), accounts follow the new order.
    dirs.sort(key=lambda d: not holds_opensearch(d[1]))

    workroot = Path(args.workdir or tempfile.mkdtemp(prefix="conformance-"))
    workroot.mkdir(parents=True, exist_ok=True)
    started = time.time()
    emulator = Emulator(workroot)
    log(f"emulator at {emulator.url}; logs and state under {workroot}")
    groups = [Group(name.replace("/", "_") if "/" in name else name, path,
                    str(FIRST_ACCOUNT + i), args.region, emulator, workroot, args.timeout)
              for i, (name, path) in enumerate(dirs)]
    for group, (name, _) in zip(groups, dirs):
        group.name = name
    try:
        with ThreadPoolExecutor(max_workers=max(1, args.parallel)) as pool:
            for future in [pool.submit(g.run) for g in groups]:
                future.result()
    finally:
        emulator.stop()
    results = [g.result() for g in groups]
    elapsed = round(time.time() - started)
    print(table(results))
    print(f"\n{len(groups)} group(s) in {elapsed} s; logs under {workroot}")
    if args.json:
        Path(args.json).write_text(json.dumps(
            {"seconds": elapsed, "region": args.region, "groups": results}, indent=2) + "\n")
    failed = any(e[k] == FAIL for g in results for e in g["resources"]
                 for k in ("apply", "replan", "destroy")) or any(g["leftovers"] for g in results)
    if args.require_coverage:
        failed = not coverage(results, [Path(d) for d in args.require_coverage]) or failed
    return 1 if failed else 0


RESOURCE_RE = re.compile(r'^\s*resource\s+"(aws_[a-z0-9_]+)"', re.M)


def declared_types(dirs: list[Path]) -> dict[str, list[str]]:
    """aws resource types declared in the .tf files under dirs -> files."""
    found: dict[str, list[str]] = {}
    for d in dirs:
        for tf in sorted(d.resolve().rglob("*.tf")):
            if ".terraform" in tf.parts:
                continue
            for rtype in RESOURCE_RE.findall(tf.read_text()):
                rel = tf.relative_to(REPO).as_posix() if tf.is_relative_to(REPO) else str(tf)
                found.setdefault(rtype, []).append(rel)
    return found


def coverage(results: list[dict], dirs: list[Path]) -> bool:
    """Every declared type is proven by the run, or a known gap with a reason."""
    gaps = {k: v for k, v in json.loads((HERE / "known-gaps.json").read_text()).items()
            if not k.startswith("$")}
    proven = {e["resource_type"] for g in results for e in g["resources"]
              if all(e[k] == OK for k in ("apply", "replan", "destroy"))}
    ok = True
    print("\ncoverage of the resource types the modules declare:")
    for rtype, files in sorted(declared_types(dirs).items()):
        if rtype in proven:
            status = "proven"
        elif rtype in gaps:
            status = f"known gap: {gaps[rtype]}"
        else:
            status = "NOT COVERED (add it to an example or a conformance group)"
            ok = False
        print(f"- {rtype}: {status}")
    return ok


if __name__ == "__main__":
    sys.exit(main())
