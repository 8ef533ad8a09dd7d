"""``sitroom serve`` as a user runs it: a real server process on a local port."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from store_factory import make_extraction, make_store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _get(
    url: str, proc: subprocess.Popen[bytes], timeout: float = 60.0
) -> tuple[int, dict[str, object]]:
    deadline = time.monotonic() + timeout
    while True:
        if proc.poll() is not None:
            _, err = proc.communicate()
            raise AssertionError(f"the server stopped: {err.decode(errors='replace')}")
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as exc:
            return exc.code, json.loads(exc.read())
        except (urllib.error.URLError, ConnectionError):
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def test_serve_answers_on_localhost_and_is_read_only(tmp_path: Path) -> None:
    make_store(tmp_path, make_extraction("kyiv")).close()
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "SITROOM_API_TOKEN"}
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "sitroom",
            "serve",
            "--db",
            str(tmp_path / "sitroom.db"),
            "--port",
            str(port),
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        status, body = _get(f"http://127.0.0.1:{port}/api/events?limit=5", proc)
        assert status == 200
        items = body["items"]
        assert isinstance(items, list) and len(items) == 1
        request = urllib.request.Request(
            f"http://127.0.0.1:{port}/api/ingest",
            data=json.dumps({"text": "Drones hit Kyiv."}).encode(),
            headers={"Content-Type": "application/json"},
            method="POST",
        )
        try:
            urllib.request.urlopen(request, timeout=5)
            raise AssertionError("ingest without a token must be refused")
        except urllib.error.HTTPError as exc:
            assert exc.code == 403
            assert json.loads(exc.read())["error"]["code"] == "E403"
    finally:
        proc.terminate()
        _, err = proc.communicate(timeout=30)
    assert b"ingest over HTTP is off" in err
