"""Command line entry point: ``python3 -m infra_emulator --host H --port N``.

This exact interface is what ``infra emulator start`` calls.
"""

import argparse
import os
import signal
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="infra_emulator",
        description="Local AWS emulator: moto plus the project's extensions.",
    )
    parser.add_argument("--host", "-H", default="127.0.0.1", help="address to bind")
    parser.add_argument("--port", "-p", type=int, default=5000, help="port to listen on")
    parser.add_argument("--quiet", action="store_true", help="do not log each request")
    args = parser.parse_args(argv)

    # Must be set before moto is imported (moto reads it at import time).
    os.environ.setdefault("MOTO_IAM_LOAD_MANAGED_POLICIES", "true")
    os.environ.setdefault("MOTO_PORT", str(args.port))

    from infra_emulator.app import serve

    def _stop(signum, frame):  # noqa: ARG001
        # Everything lives in memory: nothing to save. os._exit skips the
        # interpreter's finalisation, which takes seconds with many emulated
        # accounts loaded and made `stop` time out on a busy machine.
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(0)

    signal.signal(signal.SIGTERM, _stop)
    signal.signal(signal.SIGINT, _stop)
    serve(args.host, args.port, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
