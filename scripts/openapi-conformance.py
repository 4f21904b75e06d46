"""kapso-sim against Kapso's published OpenAPI, with schemathesis (see scripts/openapi-conformance).

Creates .venv/openapi-conformance with the pinned schemathesis (once; the only network access: PyPI), starts
`kapso-sim --port 0 --seed demo --deterministic` on loopback, and runs `st run` over scripts/openapi/kapso-sim.yaml
with every check (settings and the reasons for them in scripts/openapi/schemathesis.toml). A deterministic
simulator and deterministic generation make a red run replay. Exit status: schemathesis's (0 = no failure).
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import venv
from pathlib import Path

TOOL = "schemathesis"
TOOL_VERSION = "4.32.5"
ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv" / "openapi-conformance"
SPEC = ROOT / "scripts" / "openapi" / "kapso-sim.yaml"
CONFIG = ROOT / "scripts" / "openapi" / "schemathesis.toml"
API_KEY = "conformance-key"


def ensure_venv() -> Path:
    """The venv's `st`, with the pinned schemathesis installed (installing it once)."""
    python = VENV / "bin" / "python"
    if not python.exists():
        print(f"creating {VENV.relative_to(ROOT)}", file=sys.stderr)
        venv.create(VENV, with_pip=True)
    probe = subprocess.run(
        [python, "-c", f"import importlib.metadata as m; print(m.version({TOOL!r}))"], capture_output=True, text=True
    )
    if probe.stdout.strip() != TOOL_VERSION:
        print(f"installing {TOOL}=={TOOL_VERSION} from PyPI", file=sys.stderr)
        subprocess.run(
            [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", f"{TOOL}=={TOOL_VERSION}"],
            check=True,
        )
    return VENV / "bin" / "st"


def main() -> int:
    st = ensure_venv()
    binary = Path(os.environ.get("KAPSO_SIM", ROOT / ".build" / "debug" / "kapso-sim"))
    examples = os.environ.get("OPENAPI_EXAMPLES", "150")
    with tempfile.TemporaryFile(mode="w+") as log:
        command = [str(binary), "--port", "0", "--seed", "demo", "--deterministic", "--api-key", API_KEY]
        simulator = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=log, text=True)
        try:
            first = simulator.stdout.readline().strip()  # "listening on http://127.0.0.1:PORT"
            if not first.startswith("listening on "):
                log.seek(0)
                print(f"kapso-sim did not start: {first!r}\n{log.read()}", file=sys.stderr)
                return 1
            url = first.removeprefix("listening on ")
            run = [
                str(st), "--config-file", str(CONFIG), "run", str(SPEC), "--url", url,
                "--header", f"X-API-Key: {API_KEY}", "--checks", "all", "--max-examples", examples,
                "--workers", "1", "--no-color", "--request-timeout", "10", "--generation-database", "none",
            ]
            result = subprocess.run(run, cwd=tempfile.gettempdir())
            if result.returncode != 0:
                log.seek(0)
                tail = log.read()[-4000:]
                print(f"openapi-conformance: schemathesis exit {result.returncode}; kapso-sim log tail:\n{tail}", file=sys.stderr)
            return result.returncode
        finally:
            simulator.terminate()
            try:
                simulator.wait(timeout=5)
            except subprocess.TimeoutExpired:
                simulator.kill()


if __name__ == "__main__":
    sys.exit(main())
