"""The benchmark's HTTP clients against a small server on 127.0.0.1: `Server.get` (status,
body and time of a GET, read from a plain socket) and the throughput runs of wrk
(`concurrent_run`)."""

import shutil
import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

import pytest

from bench.run import WRK, Server, concurrent_run

BODY = "<p>17 résultats</p>".encode() * 1000  # larger than one read


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        self.server.paths.append(self.path)
        status = 404 if self.path.startswith("/absent") else 200
        body = BODY if status == 200 else b"not found"
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.paths = []
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client = Server(log_path=None)
    client.port = httpd.server_address[1]
    client.failed = False
    client.paths = httpd.paths
    yield client
    httpd.shutdown()
    httpd.server_close()


def test_a_page_comes_back_whole_with_its_status(server):
    status, body, seconds = server.get("/fiches-pratiques/?q=%C3%A9cole")
    assert (status, body) == (200, BODY)
    assert seconds > 0
    assert not server.failed


def test_an_error_status_is_a_status(server):
    assert server.get("/absent/")[:2] == (404, b"not found")


def test_a_refused_connection_is_named_and_marks_the_server_failed(server):
    server.port = unused_port()
    status, body, _seconds = server.get("/")
    assert (status, body) == ("ConnectionRefusedError", b"")
    assert server.failed


def unused_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


needs_wrk = pytest.mark.skipif(
    shutil.which(WRK) is None, reason="wrk is not installed (make bench-deps installs it)"
)


@needs_wrk
def test_a_cached_run_goes_round_the_same_paths(server):
    run = concurrent_run(server, ["/a/", "/b/?page=2"], connections=2, seconds=1, bust=False)
    assert set(server.paths) == {"/a/", "/b/?page=2"}
    # wrk stops with a request in flight on each connection: the server saw it, not wrk.
    assert len(server.paths) - 2 <= run["requests"] <= len(server.paths)
    assert run["rps"] > 0
    assert 0 < run["p50"] <= run["p99"]
    assert (run["errors"], server.failed) == (0, False)


@needs_wrk
def test_an_uncached_run_gives_each_request_a_query_string_of_its_own(server):
    concurrent_run(server, ["/a/", "/b/?page=2"], connections=2, seconds=1, bust=True)
    assert len(set(server.paths)) == len(server.paths) > 2
    pages = [urlsplit(path) for path in server.paths]
    assert {page.path for page in pages} == {"/a/", "/b/"}
    assert all(parse_qs(page.query)["_bench"] for page in pages)
    assert {parse_qs(page.query).get("page", ["-"])[0] for page in pages} == {"-", "2"}


@needs_wrk
def test_error_statuses_are_errors_not_requests_served(server):
    run = concurrent_run(server, ["/absent/"], connections=1, seconds=1, bust=False)
    assert (run["rps"], run["error_kinds"]) == (0.0, ["status"])
    assert len(server.paths) - 1 <= run["errors"] <= len(server.paths)
    assert run["errors"] > 0
    assert not server.failed


@needs_wrk
def test_a_refused_connection_marks_the_server_failed(server):
    server.port = unused_port()
    run = concurrent_run(server, ["/"], connections=1, seconds=1, bust=False)
    assert run["rps"] == 0.0
    assert "Connection refused" in run["error_kinds"][0]
    assert server.failed
