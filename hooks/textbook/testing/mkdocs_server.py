"""A real `mkdocs serve` in a subprocess, as an author runs it, for tests and the benchmark."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class MkDocsServer:
    """`mkdocs serve` on a free loopback port; the first build is done on entering."""

    def __init__(self, project: Path, *, clean: bool = False, timeout: float = 600) -> None:
        self.project = project
        self.clean = clean
        self.timeout = timeout
        self.port = _free_port()
        self.root = f"http://127.0.0.1:{self.port}"
        self.url = ""
        self._log = tempfile.NamedTemporaryFile(prefix="mkdocs-serve-", suffix=".log")

    def __enter__(self) -> MkDocsServer:
        command = [sys.executable, "-m", "mkdocs", "serve", "-a", f"127.0.0.1:{self.port}"]
        self.process = subprocess.Popen(
            command + (["--clean"] if self.clean else []),
            cwd=self.project,
            stdout=self._log,
            stderr=subprocess.STDOUT,
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        )
        serving = self.wait_log(r"Serving on (\S+)", timeout=self.timeout)
        self.url = serving.group(1)
        return self

    def __exit__(self, *exc) -> None:
        # Ctrl-C, as an author stops it: MkDocs then removes its temporary site.
        self.process.send_signal(signal.SIGINT)
        try:
            self.process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
        self._log.close()

    def log(self, start: int = 0) -> str:
        """The server's output so far, from character `start`."""
        return Path(self._log.name).read_text(encoding="utf-8", errors="replace")[start:]

    def wait_log(self, pattern: str, *, start: int = 0, timeout: float = 120) -> re.Match:
        """The first match of `pattern` in the output after `start`, waiting for it."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if match := re.search(pattern, self.log(start)):
                return match
            if self.process.poll() is not None:
                raise AssertionError(f"mkdocs serve exited:\n{self.log()}")
            time.sleep(0.05)
        raise AssertionError(f"no {pattern!r} in the output of mkdocs serve:\n{self.log()}")

    def cpu_seconds(self) -> float:
        """CPU time the server process has used so far (Linux: /proc/<pid>/stat)."""
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def get(self, path: str) -> str:
        """The served page at a site-relative path ('' or 'en/chapters/x/')."""
        with urllib.request.urlopen(self.url + path, timeout=60) as response:
            return response.read().decode("utf-8")

    def epoch(self) -> int:
        """The version of the site the pages now served carry (MkDocs' livereload script)."""
        return int(re.search(r"livereload\((\d+),", self.get("")).group(1))

    def wait_reload(self, epoch: int, timeout: float = 300) -> int:
        """Wait, as the browser's livereload script does, for a site newer than `epoch`."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            url = f"{self.root}/livereload/{epoch}/{time.monotonic_ns()}"
            with urllib.request.urlopen(url, timeout=timeout) as response:
                newer = int(response.read())
            if newer > epoch:
                return newer
        raise AssertionError(f"no reload after {timeout} s:\n{self.log()}")
