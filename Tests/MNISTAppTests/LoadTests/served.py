"""`MNISTExample serve` on a free loopback port, for the load scripts beside this file."""

import contextlib
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request


@contextlib.contextmanager
def served(binary, model):
    """Starts the server, waits until /health answers, yields (process, port), and stops
    it (SIGTERM) and removes its output folder on the way out."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    output = tempfile.mkdtemp(prefix="serve-")  # training_history.png (absent) and feedback/
    server = subprocess.Popen([binary, "serve", "--port", str(port), "--model", model, "--output", output],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=1).read()
                break
            except OSError:
                time.sleep(0.2)
        yield server, port
    finally:
        server.terminate()
        server.wait(timeout=15)
        shutil.rmtree(output, ignore_errors=True)
