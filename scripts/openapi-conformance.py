"""kapso-sim against Kapso's published OpenAPI, with schemathesis (see scripts/openapi-conformance).

Creates .venv/openapi-conformance with the pinned schemathesis (once; the only network access: PyPI), starts
`kapso-sim --port 0 --seed demo --deterministic` on loopback, and runs `st run` over scripts/openapi/kapso-sim.yaml
with every check (settings and the reasons for them in scripts/openapi/schemathesis.toml). A deterministic
simulator, deterministic generation from a printed seed (OPENAPI_SEED, default 20) and no state kept between runs
make a red run replay: `st` runs in a fresh directory of its own, and the settings turn its cache off (schemathesis
4.32.5 otherwise keeps `.schemathesis/` in its working directory and replays those requests at the start of the
next run, so a run depended on every run before it on the machine). Exit status: schemathesis's (0 = no failure);
1 when `st` left a `.schemathesis` directory anyway.
"""

from __future__ import annotations

import os
import re
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
# Hypothesis's seed for every phase; with `generation.deterministic` a given seed always draws the same cases.
DEFAULT_SEED = "20"


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
    seed = os.environ.get("OPENAPI_SEED", DEFAULT_SEED)
    if not re.fullmatch(r"[0-9]{1,18}", seed):
        print(f"openapi-conformance: OPENAPI_SEED must be a whole number, not {seed!r}", file=sys.stderr)
        return 2
    replay = f"OPENAPI_SEED={seed} OPENAPI_EXAMPLES={examples} scripts/openapi-conformance"
    print(f"openapi-conformance: seed {seed}, {examples} examples per operation, no schemathesis cache; replay: {replay}")
    sys.stdout.flush()
    with tempfile.TemporaryFile(mode="w+") as log, tempfile.TemporaryDirectory(prefix="openapi-conformance-") as work:
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
                # No `--checks all`: every check is on by default, and a check named on the command line overrides the
                # per-operation exceptions of the settings (schemathesis 4.32.5; measured: with it, ST302 ran on the
                # webhook item routes the toml excepts; without it, those 24 operation-phase pairs are the only change).
                "--header", f"X-API-Key: {API_KEY}", "--max-examples", examples,
                "--workers", "1", "--no-color", "--request-timeout", "10", "--generation-database", "none",
                "--seed", seed,
            ]
            result = subprocess.run(run, cwd=work)
            if result.returncode != 0:
                log.seek(0)
                tail = log.read()[-4000:]
                print(f"openapi-conformance: schemathesis exit {result.returncode} (replay: {replay}); kapso-sim log tail:\n{tail}", file=sys.stderr)
                return result.returncode
            if (Path(work) / ".schemathesis").exists():
                print(
                    "openapi-conformance: schemathesis wrote .schemathesis/ (its cache), which a next run would replay; "
                    "set [cache] enabled = false in scripts/openapi/schemathesis.toml", file=sys.stderr)
                return 1
            return 0
        finally:
            simulator.terminate()
            try:
                simulator.wait(timeout=5)
            except subprocess.TimeoutExpired:
                simulator.kill()


if __name__ == "__main__":
    sys.exit(main())
