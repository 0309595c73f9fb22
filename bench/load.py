"""A small load generator: processes with keep-alive HTTP clients, bounded in time."""

import http.client
import multiprocessing
import time


def _client(host, port, urls, seconds, results):
    latencies, errors, hits, i = [], 0, 0, 0
    connection = http.client.HTTPConnection(host, port, timeout=10)
    deadline = time.perf_counter() + seconds
    while time.perf_counter() < deadline:
        url = urls[i % len(urls)]
        i += 1
        start = time.perf_counter()
        try:
            connection.request("GET", url)
            response = connection.getresponse()
            response.read()
            hits += response.getheader("X-Bench-Cache") == "hit"
            if response.status != 200:
                errors += 1
            if response.getheader("Connection", "").lower() == "close":
                connection.close()
        except (OSError, http.client.HTTPException):
            errors += 1
            connection.close()
            connection = http.client.HTTPConnection(host, port, timeout=10)
        latencies.append(time.perf_counter() - start)
    results.put((latencies, errors, hits))


def run(port, urls, seconds=5.0, clients=4, host="127.0.0.1"):
    """Requests per second, median and 95th percentile latency (ms), errors, and
    how many answers the cache served (``bench/served.py``) of how many."""
    results = multiprocessing.Queue()
    workers = [
        multiprocessing.Process(
            target=_client, args=(host, port, urls, seconds, results)
        )
        for _ in range(clients)
    ]
    for worker in workers:
        worker.start()
    collected = [results.get() for _ in workers]
    for worker in workers:
        worker.join()
    latencies = sorted(latency for batch, _, _ in collected for latency in batch)
    errors = sum(count for _, count, _ in collected)
    hits = sum(count for _, _, count in collected)
    if not latencies:
        return {
            "answers": 0,
            "hits": 0,
            "rps": 0.0,
            "p50": 0.0,
            "p95": 0.0,
            "errors": errors,
        }
    return {
        "answers": len(latencies),
        "hits": hits,
        "rps": len(latencies) / seconds,
        "p50": latencies[len(latencies) // 2] * 1000,
        "p95": latencies[int(len(latencies) * 0.95)] * 1000,
        "errors": errors,
    }
