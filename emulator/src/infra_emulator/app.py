"""Builds the WSGI application: moto's server app, the project's extensions applied.

``MOTO_IAM_LOAD_MANAGED_POLICIES`` is set here, before moto is imported, so that
AWS-managed policy ARNs (``arn:aws:iam::aws:policy/...``) resolve as on AWS.
"""

import os

os.environ["MOTO_IAM_LOAD_MANAGED_POLICIES"] = "true"

import json  # noqa: E402
from typing import Any, Callable  # noqa: E402

from moto.moto_server.werkzeug_app import (  # noqa: E402
    DomainDispatcherApplication,
    create_backend_app,
)
from werkzeug.wrappers import Request, Response  # noqa: E402

from infra_emulator.extensions import apply_all  # noqa: E402

PREFIX = "/infra-emulator/"

# path (below PREFIX) -> handler(request) -> Response; filled by extensions.
ROUTES: dict[str, Callable[[Request], Response]] = {}


def route(path: str) -> Callable:
    """Registers an introspection handler at ``/infra-emulator/<path>``."""

    def register(func: Callable[[Request], Response]) -> Callable[[Request], Response]:
        ROUTES[path] = func
        return func

    return register


def json_response(body: Any, status: int = 200) -> Response:
    return Response(json.dumps(body, indent=None, sort_keys=False), status=status,
                    mimetype="application/json")


class RetryReplay:
    """Answers an SDK retry of a request the emulator already served with the
    first answer, as AWS's idempotent APIs do.

    The AWS SDKs send the same ``amz-sdk-invocation-id`` on every attempt of
    one call, and ``amz-sdk-request: attempt=N``. When the emulator is slow
    (two cores, a dozen terraform processes), a client may give up on an
    attempt that the server then completes; the retry of a create would then
    fail with ``...AlreadyExists`` although the caller made one call. Answers
    below 500 are remembered per invocation id (the last 4096, bodies up to
    1 MB); a retry whose first attempt is still running waits for it.
    """

    LIMIT = 4096
    MAX_BODY = 1 << 20

    def __init__(self) -> None:
        import threading
        from collections import OrderedDict

        self._lock = threading.Lock()
        self._done: "OrderedDict[str, tuple[str, list, bytes]]" = OrderedDict()
        self._running: dict[str, Any] = {}

    @staticmethod
    def attempt(environ: dict[str, Any]) -> int:
        for part in environ.get("HTTP_AMZ_SDK_REQUEST", "").split(";"):
            key, _, value = part.strip().partition("=")
            if key == "attempt" and value.isdigit():
                return int(value)
        return 1

    def __call__(self, environ: dict[str, Any], start_response: Any, app: Callable) -> Any:
        import threading

        invocation = environ.get("HTTP_AMZ_SDK_INVOCATION_ID")
        if not invocation or environ.get("REQUEST_METHOD", "GET") in ("GET", "HEAD"):
            return app(environ, start_response)
        if self.attempt(environ) > 1:
            with self._lock:
                running = self._running.get(invocation)
            if running is not None:
                running.wait(120)
            with self._lock:
                done = self._done.get(invocation)
            if done is not None:
                status, headers, body = done
                start_response(status, headers)
                return [body]
        event = threading.Event()
        with self._lock:
            self._running[invocation] = event
        captured: dict[str, Any] = {}

        def capture(status: str, headers: list, exc_info: Any = None) -> Any:
            captured["status"], captured["headers"] = status, list(headers)
            return start_response(status, headers, exc_info) if exc_info else start_response(status, headers)

        try:
            chunks = app(environ, capture)
            body = b"".join(chunks)
            if hasattr(chunks, "close"):
                chunks.close()
            status = captured.get("status", "500")
            if int(status.split()[0]) < 500 and len(body) <= self.MAX_BODY:
                with self._lock:
                    self._done[invocation] = (status, captured["headers"], body)
                    while len(self._done) > self.LIMIT:
                        self._done.popitem(last=False)
            return [body]
        finally:
            with self._lock:
                self._running.pop(invocation, None)
            event.set()


class InfraDispatcherApplication(DomainDispatcherApplication):
    """moto's host/credential based dispatcher, plus the ``/infra-emulator/`` routes.

    Everything that is not below ``/infra-emulator/`` goes to moto unchanged.
    """

    def __call__(self, environ: dict[str, Any], start_response: Any) -> Any:
        path = environ.get("PATH_INFO", "")
        if path.startswith(PREFIX):
            request = Request(environ)
            handler = ROUTES.get(path[len(PREFIX):].rstrip("/"))
            if handler is None:
                response = json_response(
                    {"error": "NotFound", "message": f"no such endpoint: {path}",
                     "endpoints": sorted(PREFIX + p for p in ROUTES)}, 404)
            elif request.method != "GET":
                response = json_response(
                    {"error": "MethodNotAllowed", "message": "use GET"}, 405)
            else:
                try:
                    response = handler(request)
                except Exception as exc:  # noqa: BLE001 - report, do not crash the server
                    response = json_response(
                        {"error": type(exc).__name__, "message": str(exc)}, 500)
            return response(environ, start_response)
        return self.replay(environ, start_response, super().__call__)


_APPLIED: list[str] | None = None


def build_app() -> InfraDispatcherApplication:
    """Applies the extensions (once per process) and returns the WSGI app."""
    global _APPLIED
    if _APPLIED is None:
        _APPLIED = apply_all()
    app = InfraDispatcherApplication(create_backend_app)
    app.replay = RetryReplay()
    return app


def applied_extensions() -> list[str]:
    return list(_APPLIED or [])


def serve(host: str, port: int, quiet: bool = False) -> None:
    """Serves the app, threaded, until the process is stopped."""
    import logging

    from werkzeug.serving import run_simple

    app = build_app()
    if quiet:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
    print(f"infra_emulator: serving on http://{host}:{port} "
          f"(extensions: {', '.join(applied_extensions())})", flush=True)
    try:
        run_simple(host, port, app, threaded=True, use_reloader=False, use_debugger=False)
    except OSError as error:
        raise SystemExit(f"infra_emulator: cannot listen on {host}:{port}: {error.strerror}. "
                         "Choose another `--port`, or stop what uses it.") from None
