"""Shared by the review page's tests: start `redact review --serve` on a
sample, read the URL it prints, talk to it, stop it.

A missing tool skips a test locally (exit 77, ctest's SKIP_RETURN_CODE) and
fails it under CI (CI set to anything but "", "0" or "false"), as
tests/testing/require_tool.h does for the C++ suites.
"""
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

URL_LINE = re.compile(r"^http://127\.0\.0\.1:(\d+)/\?token=([0-9a-f]{64})$")


failures = []


def check(ok, what):
    """One check of a test: printed; a failure is remembered for finish()."""
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures.append(what)


def finish():
    """The test's exit code: 1 when a check failed."""
    if failures:
        print(f"{len(failures)} check(s) failed", file=sys.stderr)
        return 1
    return 0


def under_ci():
    return os.environ.get("CI", "") not in ("", "0", "false")


def missing(what, package):
    """Ends the test: skipped locally, failed under CI."""
    reason = f"{what} is missing (Debian package: {package})"
    if under_ci():
        print(f"FAIL: {reason} (CI must have every tool)", file=sys.stderr)
        sys.exit(1)
    print(f"SKIP: {reason}", file=sys.stderr)
    sys.exit(77)


def require_program(name, package):
    if shutil.which(name) is None:
        missing(name, package)


class Server:
    """`redact review ARGS --serve` running; .port, .token, .url."""

    def __init__(self, redact, args, timeout=90, cwd=None):
        # stderr to a file: a pipe no one reads would stall the server's log.
        self.err_file = tempfile.TemporaryFile(mode="w+")
        self.proc = subprocess.Popen([redact, "review", *args, "--serve"], stdout=subprocess.PIPE,
                                     stderr=self.err_file, text=True, cwd=cwd)
        self.started = time.monotonic()
        self.out_lines = []
        lines = self._lines = queue.Queue()
        self._reader = threading.Thread(target=lambda: [lines.put(l) for l in self.proc.stdout], daemon=True)
        self._reader.start()
        deadline = time.monotonic() + timeout
        while True:
            if time.monotonic() > deadline or self.proc.poll() is not None:
                self.stop()
                raise RuntimeError("the server printed no URL:\n" + "\n".join(self.out_lines) + "\n" + self.err)
            try:
                line = lines.get(timeout=0.2).rstrip("\n")
            except queue.Empty:
                continue
            self.out_lines.append(line)
            m = URL_LINE.match(line)
            if m:
                self.port, self.token, self.url = int(m.group(1)), m.group(2), line
                self.ready_after = time.monotonic() - self.started
                return

    def stop(self, timeout=10):
        """SIGINT, as Ctrl-C; returns the exit code."""
        if self.proc.poll() is None:
            self.proc.send_signal(signal.SIGINT)
        try:
            self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        self._reader.join(timeout=5)
        while not self._lines.empty():
            self.out_lines.append(self._lines.get().rstrip("\n"))
        return self.proc.returncode

    @property
    def err(self):
        self.err_file.seek(0)
        return self.err_file.read()
