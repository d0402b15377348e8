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
        return super().__call__(environ, start_response)


_APPLIED: list[str] | None = None


def build_app() -> InfraDispatcherApplication:
    """Applies the extensions (once per process) and returns the WSGI app."""
    global _APPLIED
    if _APPLIED is None:
        _APPLIED = apply_all()
    return InfraDispatcherApplication(create_backend_app)


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
