"""The benchmark's HTTP client (bench/run.py `Server.get`): status, body and time of a
GET, read from a plain socket, against a small server on 127.0.0.1."""

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.run import Server

BODY = "<p>17 résultats</p>".encode() * 1000  # larger than one read


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        status = 404 if self.path.startswith("/absent") else 200
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        self.wfile.write(BODY if status == 200 else b"not found")

    def log_message(self, *args):
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    client = Server(log_path=None)
    client.port = httpd.server_address[1]
    client.failed = False
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
