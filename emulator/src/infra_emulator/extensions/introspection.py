"""Introspection endpoints for tests and tools (no AWS counterpart).

- ``GET /infra-emulator/health``: ``{"status": "ok", "moto_version": ...,
  "extensions": [...]}`` - the readiness probe ``infra emulator start`` waits for.
- ``GET /infra-emulator/resources?account=<id>``: every resource the account
  holds, across services and regions, without what AWS creates by itself (see
  ``infra_emulator.inventory``): ``{"account": ..., "resources": [{"service",
  "region", "type", "id"}], "errors": [...]}``. Tests use it to prove that a
  ``terraform destroy`` left nothing behind. ``account`` is required (12 digits).
- ``GET /infra-emulator/accounts``: the accounts that hold any state.

moto gap: moto's own ``/moto-api/data.json`` dumps every model of every account,
including the defaults AWS creates (default VPC, managed policies), so it cannot
answer "is this account empty again?".
"""

import re

NAME = "introspection"


def apply() -> None:
    import moto
    from werkzeug.wrappers import Request, Response

    from infra_emulator import app, inventory

    @app.route("health")
    def health(request: Request) -> Response:  # noqa: ARG001
        return app.json_response({
            "status": "ok",
            "moto_version": moto.__version__,
            "extensions": app.applied_extensions() or ["(applying)"],
        })

    @app.route("resources")
    def resources(request: Request) -> Response:
        account = request.args.get("account", "")
        if not re.fullmatch(r"\d{12}", account):
            return app.json_response({
                "error": "InvalidParameterValue",
                "message": "query parameter `account` must be a 12-digit account id",
            }, 400)
        found, errors = inventory.resources(account)
        return app.json_response({"account": account, "resources": found, "errors": errors})

    @app.route("accounts")
    def accounts(request: Request) -> Response:  # noqa: ARG001
        return app.json_response({"accounts": inventory.accounts()})
