"""The project's local AWS emulator: moto plus the project's extensions.

Run as ``python3 -m infra_emulator --host 127.0.0.1 --port N`` (see ``__main__``).
"""

MOTO_VERSION = "5.2.1"
