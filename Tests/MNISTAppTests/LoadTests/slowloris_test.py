#!/usr/bin/env python3
"""Slow clients must not lock others out of `MNISTExample serve`.

    python3 Tests/MNISTAppTests/LoadTests/slowloris_test.py --binary .build/release/MNISTExample \\
        [--model PATH] [--attackers 100] [--interval 3] [--duration 30] [--enforce]

Starts the server on a free loopback port. --attackers connections each send a request head
one byte every --interval seconds (and open again whenever the server closes them), while a
well-behaved client sends GET /health, then POST /predict with a drawing when a model is
given, every 0.25 s on a new connection, each allowed 2 s. Prints the figures as
`name value unit` lines; with --enforce exits 1 unless at least 90 % of the well-behaved
requests were answered.
"""
import argparse
import os
import selectors
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

from served import served

HEAD = b"GET /health HTTP/1.1\r\nHost: localhost\r\nX-Slow: " + b"a" * 4000


def attack(port, count, interval, stop, counters):
    """Keeps `count` connections dripping one byte of HEAD every `interval` seconds."""
    selector = selectors.DefaultSelector()
    progress = {}

    def open_one():
        try:
            connection = socket.create_connection(("127.0.0.1", port), timeout=2)
        except OSError:
            counters["attacker_connect_failures"] += 1
            return
        connection.setblocking(False)
        selector.register(connection, selectors.EVENT_READ)
        progress[connection] = 0
        counters["attacker_connections"] += 1

    for _ in range(count):
        open_one()
    next_drip = time.monotonic()
    while not stop.is_set():
        timeout = max(0.0, next_drip - time.monotonic())
        for key, _ in selector.select(timeout=min(timeout, 0.2)):
            connection = key.fileobj
            try:
                data = connection.recv(65536)
            except OSError:
                data = b""
            if data:
                counters["attacker_answers"] += 1  # a 408, say: keep reading until the close
                continue
            selector.unregister(connection)
            connection.close()
            del progress[connection]
            open_one()
        if time.monotonic() >= next_drip:
            next_drip += interval
            for connection in list(progress):
                try:
                    connection.send(HEAD[progress[connection]:progress[connection] + 1])
                    progress[connection] = (progress[connection] + 1) % len(HEAD)
                except OSError:
                    pass
    for connection in progress:
        connection.close()


def well_behaved(port, body):
    """One request on a fresh connection: True if answered (any status) within 2 s."""
    try:
        if body is None:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/health")
        else:
            request = urllib.request.Request(f"http://127.0.0.1:{port}/predict", data=body,
                                             headers={"Content-Type": "application/json"})
        with urllib.request.urlopen(request, timeout=2) as response:
            response.read()
        return True
    except urllib.error.HTTPError:
        return True
    except OSError:
        return False


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", required=True)
    parser.add_argument("--model", default="/nonexistent/model.safetensors")
    parser.add_argument("--attackers", type=int, default=100)
    parser.add_argument("--interval", type=float, default=3)
    parser.add_argument("--duration", type=float, default=30)
    parser.add_argument("--enforce", action="store_true")
    arguments = parser.parse_args()

    body = None
    if os.path.exists(arguments.model):
        here = os.path.dirname(os.path.abspath(__file__))
        body_file = f"/tmp/slowloris-body-{os.getpid()}.json"
        subprocess.run([sys.executable, os.path.join(here, "make_request_body.py"), body_file], check=True)
        with open(body_file, "rb") as file:
            body = file.read()
        os.remove(body_file)
    stop = threading.Event()
    counters = {"attacker_connections": 0, "attacker_connect_failures": 0, "attacker_answers": 0}
    results = {"health": [], "predict": []}
    with served(arguments.binary, arguments.model) as (_, port):
        attacker = threading.Thread(target=attack, args=(port, arguments.attackers, arguments.interval, stop, counters))
        attacker.start()
        time.sleep(min(5, arguments.duration / 4))  # let every slow connection settle in
        end = time.monotonic() + arguments.duration
        while time.monotonic() < end:
            results["health"].append(well_behaved(port, None))
            if body is not None:
                results["predict"].append(well_behaved(port, body))
            time.sleep(0.25)
        stop.set()
        attacker.join()

    answered = sum(results["health"]) + sum(results["predict"])
    sent = len(results["health"]) + len(results["predict"])
    print(f"attackers {arguments.attackers} count")
    print(f"attacker_interval {arguments.interval} s")
    for name, value in counters.items():
        print(f"{name} {value} count")
    print(f"health_answered {sum(results['health'])} count")
    print(f"health_sent {len(results['health'])} count")
    print(f"predict_answered {sum(results['predict'])} count")
    print(f"predict_sent {len(results['predict'])} count")
    share = 100 * answered / max(sent, 1)
    print(f"well_behaved_answered {share:.1f} %")
    if share < 90:
        print("missed: fewer than 90 % of the well-behaved requests answered", file=sys.stderr)
        return 1 if arguments.enforce else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
