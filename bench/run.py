"""`make bench`: for each N, seed N practice sheets, serve them with gunicorn on 127.0.0.1
and measure the real views, then print one table for every N.

    BENCH_N=1000,10000 python -m bench.run

Settings, from the environment: BENCH_N (comma-separated numbers of sheets; default
1000,10000), BENCH_SECONDS (length of each throughput run, default 10), BENCH_CONNECTIONS (8),
BENCH_SAMPLES (sequential requests per search query, default 50), BENCH_UPDATE_INDEX=1
(also build Wagtail's search index), BENCH_REUSE_BASE=1 (keep the base database of an
earlier run), BENCH_REUSE_SEED=1 (measure the database as an earlier run of one N seeded
it: to measure a change of code at 100,000 sheets without seeding again). Requests go to
127.0.0.1 only, bounded in number and time."""

import datetime
import http.client
import json
import math
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import uuid
from urllib.parse import quote, urlencode

from bench import corpus, env

HOST = "127.0.0.1"
WORKERS = 2
WARM_UP = 3
SEARCH_BUDGET_SECONDS = 30  # per query: fewer samples rather than an endless run
REQUEST_TIMEOUT = 30
# The HTTP client of the throughput runs (Debian package wrk; `make bench` installs it), and
# the kinds of error it counts: "status" is an answer of 400 or more.
WRK = "wrk"
WRK_ERRORS = ("connect", "read", "write", "timeout", "status")
STATIC_PATH = "/static/css/site.css"
GLOBAL_SEARCH_PATH = "/recherche/"
# Page types that are search queries: their in-process figures are the query's.
PAGE_SEARCHES = {"search": "frequent word", "global search": "global: frequent word"}
# "254 fiches pratiques pour « école »": the first number of the status message.
RESULT_COUNT = re.compile(r'role="status"[^>]*>\s*(\d[\d\s\u202f\xa0]*)')
FACET_FIELDS = ("phase", "theme", "audience", "principle", "region", "kind", "population")


def settings():
    return {
        "sizes": [int(n) for n in os.environ.get("BENCH_N", "1000,10000").split(",") if n],
        "seconds": float(os.environ.get("BENCH_SECONDS", "10")),
        "connections": int(os.environ.get("BENCH_CONNECTIONS", "8")),
        "samples": int(os.environ.get("BENCH_SAMPLES", "50")),
        "update_index": os.environ.get("BENCH_UPDATE_INDEX", "") == "1",
        "reuse_base": os.environ.get("BENCH_REUSE_BASE", "") == "1",
        "reuse_seed": os.environ.get("BENCH_REUSE_SEED", "") == "1",
    }


def percentile(values, share):
    """Nearest-rank percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(share * len(ordered)) - 1)]


def with_query(path, params):
    return f"{path}{'&' if '?' in path else '?'}{urlencode(params)}" if params else path


class Server:
    """gunicorn with the production settings against the benchmark database."""

    def __init__(self, log_path):
        self.log_path = log_path

    def __enter__(self):
        self.log = open(self.log_path, "w")  # noqa: SIM115 (closed in __exit__)
        try:
            self.start()
        except BaseException:
            self.__exit__()
            raise
        return self

    def __exit__(self, *exc_info):
        self.terminate()
        self.log.close()

    def start(self):
        self.failed = False
        with socket.socket() as probe:
            probe.bind((HOST, 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [
                str(env.ROOT / ".venv" / "bin" / "gunicorn"),
                "cms.wsgi",
                "--workers",
                str(WORKERS),
                "--bind",
                f"{HOST}:{self.port}",
                # A worker whose client gave up is stopped soon after, not left busy.
                "--timeout",
                str(REQUEST_TIMEOUT),
                "--no-control-socket",
                "--chdir",
                str(env.ROOT),
            ],
            env=env.environment(),
            stdout=self.log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: terminate() ends its workers
        )
        self.wait_ready()

    def wait_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited, see {self.log.name}")
            if self.get(STATIC_PATH)[0] == 200:
                self.failed = False
                return
            time.sleep(0.2)
        raise RuntimeError(f"gunicorn not ready after {timeout} s, see {self.log.name}")

    def get(self, path):
        """(status, body, seconds) of one GET, on a new connection as gunicorn's sync
        workers close each one; the status is the error's name when none came back. An
        HTTP/1.0 request on a plain socket: the client shares the CPU with the server, and
        http.client's parsing of each response costs more of it."""
        started = time.perf_counter()
        try:
            with socket.create_connection((HOST, self.port), timeout=REQUEST_TIMEOUT) as client:
                client.sendall(f"GET {path} HTTP/1.0\r\nHost: {HOST}\r\n\r\n".encode())
                chunks = []
                while chunk := client.recv(65536):
                    chunks.append(chunk)
            head, _, body = b"".join(chunks).partition(b"\r\n\r\n")
            return int(head.split(b" ", 2)[1]), body, time.perf_counter() - started
        except OSError as error:
            self.failed = True
            return type(error).__name__, b"", time.perf_counter() - started
        except (IndexError, ValueError):
            self.failed = True
            return "BadStatusLine", b"", time.perf_counter() - started

    def cache_status(self, path):
        """The X-Cache header of one GET ("hit" or "miss"), "-" when the page has none."""
        connection = http.client.HTTPConnection(HOST, self.port, timeout=REQUEST_TIMEOUT)
        try:
            connection.request("GET", path, headers={"Host": HOST})
            response = connection.getresponse()
            response.read()
            return response.getheader("X-Cache", "-")
        except OSError as error:
            self.failed = True
            return type(error).__name__
        finally:
            connection.close()

    def recover(self):
        """Restart after a request without answer: a worker may still be busy with it, and
        the requests that queued behind it would be served to nobody."""
        if self.failed:
            print("  … requests without answer: restarting gunicorn", flush=True)
            self.terminate()
            self.start()

    def terminate(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()


def sequential(server, path, samples):
    """Latencies (ms) of `samples` requests one after the other, after a warm-up."""
    for _ in range(WARM_UP):
        status, _body, _seconds = server.get(path)
        if status != 200:
            return {"status": status}
    latencies = []
    deadline = time.monotonic() + SEARCH_BUDGET_SECONDS
    while len(latencies) < samples and time.monotonic() < deadline:
        status, _body, seconds = server.get(path)
        if status != 200:
            return {"status": status}
        latencies.append(seconds * 1000)
    return {
        "status": 200,
        "samples": len(latencies),
        "p50": statistics.median(latencies),
        "p95": percentile(latencies, 0.95),
    }


def concurrent_run(server, paths, connections, seconds, bust):
    """Requests/second and latencies of `connections` clients going round `paths` for
    `seconds`; with `bust`, each request has a query string of its own (a cache misses).
    The client is wrk: it shares the machine's CPU with the server, and a Python client took
    a quarter of it at the static file's rate (0.45 of 2 cores at 2,800 requests/s), which
    lowered the rates of cached pages far more than those of uncached ones."""
    command = [
        WRK,
        "--threads",
        "1",
        "--connections",
        str(connections),
        "--duration",
        f"{math.ceil(seconds)}s",
        "--timeout",
        f"{REQUEST_TIMEOUT}s",
        "--script",
        str(env.BENCH_DIR / "throughput.lua"),
        f"http://{HOST}:{server.port}",
        "--",
        "bust" if bust else "same",
        uuid.uuid4().hex[:8],
        *paths,
    ]
    finished = subprocess.run(command, capture_output=True, text=True)
    if finished.returncode:  # e.g. "unable to connect to 127.0.0.1:8000 Connection refused"
        server.failed = True
        message = (finished.stdout + finished.stderr).strip() or f"status {finished.returncode}"
        return {"rps": 0.0, "errors": 1, "error_kinds": [f"wrk: {message}"]}
    figures = json.loads(finished.stdout.strip().splitlines()[-1])
    errors = {kind: figures[kind] for kind in WRK_ERRORS if figures[kind]}
    if set(errors) - {"status"}:
        server.failed = True  # requests without answer: see Server.recover
    served = figures["requests"] - figures["status"]
    if not served:
        return {"rps": 0.0, "errors": sum(errors.values()), "error_kinds": sorted(errors)}
    return {
        "rps": served / (figures["microseconds"] / 1e6),
        "p50": figures["p50_us"] / 1000,
        "p99": figures["p99_us"] / 1000,
        "requests": served,
        "errors": sum(errors.values()),
        "error_kinds": sorted(errors),
    }


def search_paths(meta):
    """The search queries of the benchmark, on the library page and the global search."""
    library = meta["library_url"]
    queries = meta["queries"]
    filters = {name: value for name, value in meta["filters"].items() if value}
    return {
        "frequent word": (library, {"q": queries["frequent"]}),
        "rare word": (library, {"q": queries["rare"]}),
        "phrase": (library, {"q": queries["phrase"]}),
        "no match": (library, {"q": queries["no_match"]}),
        "frequent + 2 filters": (library, {"q": queries["frequent"], **filters}),
        "global: frequent word": (GLOBAL_SEARCH_PATH, {"q": queries["frequent"]}),
    }


def unavailable(status):
    if status == 404:
        return "n/a (page not available: 404)"
    return f"n/a (HTTP {status})" if isinstance(status, int) else f"n/a (no answer: {status})"


def probe_search(server, path):
    """Why a search path cannot be measured, or None: a missing route answers 404, and a
    page that ignores `q` does not echo the query (the no-match word is in no sheet)."""
    status, body, _seconds = server.get(with_query(path, {"q": corpus.NO_MATCH}))
    if status != 200:
        return unavailable(status)
    html = body.decode("utf-8", "replace")
    if corpus.NO_MATCH not in html and quote(corpus.NO_MATCH) not in html:
        return "n/a (no search on this page: the query is not echoed)"
    return None


def find_missing(server, pages, searches):
    """{page or search name: why it cannot be measured, or None}. Nothing is measured on
    a page that is missing, or that ignores the search."""
    probes = {path: probe_search(server, path) for path, _params in searches.values()}
    missing = {name: probes[path] for name, (path, _params) in searches.items()}
    missing.update({page: missing[search] for page, search in PAGE_SEARCHES.items()})
    for name, paths in pages.items():
        if not paths:
            missing[name] = "n/a (no page of this type)"
        elif name not in missing:
            status = server.get(paths[0])[0]
            missing[name] = None if status == 200 else unavailable(status)
    server.recover()
    return missing


def describe_results(server, path):
    """What the results page shows: whether it has filters (form fields named after the
    facets), and the number of results its status message announces, when it has one."""
    status, body, _seconds = server.get(path)
    html = body.decode("utf-8", "replace") if status == 200 else ""
    count = RESULT_COUNT.search(html)
    return {
        "facets": sum(f'name="{name}"' in html for name in FACET_FIELDS) >= 2,
        "hits": int(re.sub(r"\D", "", count.group(1))) if count else None,
    }


def measure_inprocess(paths):
    """SQL queries and render time of each page, in a Django process of its own."""
    print(f"  … in-process renders and SQL queries of {len(paths)} pages", flush=True)
    return run_json("bench.inprocess", json.dumps(paths))


def warm_up(server, paths, budget=60):
    """Visit each URL until the page cache serves it twice in a row (each gunicorn worker
    has its own cache without Redis), so that the cached run measures hits, not the first
    visits; at most 2 × WORKERS visits per URL and `budget` seconds in all."""
    deadline = time.monotonic() + budget
    for path in paths:
        hits = 0
        for _ in range(2 * WORKERS):
            if hits == 2 or time.monotonic() >= deadline:
                break
            hits = hits + 1 if server.cache_status(path) == "hit" else 0


def page_type_urls():
    """{page type: URLs} from the database (bench/page_types.py)."""
    return run_json("bench.page_types")


def measure(size, meta, options, log_path):
    searches = search_paths(meta)
    # The renditions of the demo images, as after an import: a first visit would take
    # seconds to encode them. Seeding writes without Django's signals: a shared page cache
    # (Redis) may hold pages of an earlier database.
    print("  … image renditions and page cache", flush=True)
    run([str(env.PYTHON), "manage.py", "generate_renditions"], stdout=subprocess.DEVNULL)
    run([str(env.PYTHON), "manage.py", "clear_page_cache"], stdout=subprocess.DEVNULL)
    pages = {
        **page_type_urls(),
        "library": [meta["library_url"]],
        "sheet": meta["sheet_urls"],
        "search": [with_query(*searches["frequent word"])],
        "global search": [with_query(*searches["global: frequent word"])],
        "static file": [STATIC_PATH],
    }
    load = os.getloadavg()[0]
    if load > 1:
        print(f"  … note: load average {load:.1f} before measuring: other processes use the CPU")
    with Server(log_path) as server:
        print(f"  … gunicorn ({WORKERS} workers) on {HOST}:{server.port}", flush=True)
        missing = find_missing(server, pages, searches)
        inprocess_paths = {
            name: paths[0]
            for name, paths in pages.items()
            if not missing[name] and name not in PAGE_SEARCHES and name != "static file"
        }
        inprocess_paths.update(
            {name: with_query(*query) for name, query in searches.items() if not missing[name]}
        )
        inprocess = measure_inprocess(inprocess_paths)

        search_results = {}
        for name, (path, params) in searches.items():
            if missing[name]:
                search_results[name] = {"unavailable": missing[name]}
                continue
            print(f"  … search latency: {name}", flush=True)
            full_path = with_query(path, params)
            search_results[name] = sequential(server, full_path, options["samples"])
            search_results[name].update(describe_results(server, full_path))
            server.recover()

        page_results = {}
        for name, paths in pages.items():
            if missing[name]:
                page_results[name] = {"unavailable": missing[name]}
                continue
            print(f"  … throughput: {name}", flush=True)
            page_results[name] = {}
            for kind in ("uncached", "cached"):
                if kind == "cached":
                    warm_up(server, paths)
                else:
                    # Both workers serve each URL first: a worker's first visit fills what
                    # it keeps in memory (the library's facet columns: 0.4 s at 100,000
                    # sheets), and the p99 would measure those first visits.
                    concurrent_run(server, paths, options["connections"], 1, bust=True)
                page_results[name][kind] = concurrent_run(
                    server,
                    paths,
                    options["connections"],
                    options["seconds"],
                    bust=kind == "uncached",
                )
                server.recover()
            # After the cached run: whether its URLs are now served from the page cache.
            page_results[name]["cache"] = server.cache_status(paths[0])
    return {
        "n": size,
        "load_average": load,
        "seed_seconds": meta["total_seconds"],
        "sheets_seconds": meta["seconds"]["sheets"],
        "search": search_results,
        "pages": page_results,
        "inprocess": inprocess,
    }


def ms(value):
    return f"{value:,.0f}" if value >= 10 else f"{value:.1f}"


def queries_of(result, name):
    entry = result["inprocess"].get(PAGE_SEARCHES.get(name, name), {})
    return str(entry["queries"]) if "queries" in entry else "-"


def inprocess_ms(result, name):
    entry = result["inprocess"].get(PAGE_SEARCHES.get(name, name), {})
    return ms(entry["ms"]) if "ms" in entry else "-"


def print_tables(results):
    print()
    print("Search latency through gunicorn (sequential requests after a warm-up)")
    header = f"{'N':>8}  {'query':<22} {'p50 ms':>8} {'p95 ms':>8}  {'facets':<6} {'queries':>7}"
    print(header + f" {'in-process ms':>13} {'hits':>7}  samples")
    for result in results:
        for name, row in result["search"].items():
            start = f"{result['n']:>8,}  {name:<22}"
            if "unavailable" in row:
                print(f"{start} {row['unavailable']}")
            elif row["status"] != 200:
                print(f"{start} {unavailable(row['status'])}")
            else:
                hits = "-" if row["hits"] is None else f"{row['hits']:,}"
                print(
                    f"{start} {ms(row['p50']):>8} {ms(row['p95']):>8}  "
                    f"{'yes' if row['facets'] else 'no':<6} {queries_of(result, name):>7} "
                    f"{inprocess_ms(result, name):>13} {hits:>7}  {row['samples']}"
                )
    print()
    print("Pages through gunicorn: uncached (a query string per request) and cached (same URLs)")
    print(
        f"{'N':>8}  {'page':<14} {'uncached req/s':>14} {'p50 ms':>7} {'p99 ms':>7}"
        f" {'cached req/s':>13} {'p50 ms':>7} {'p99 ms':>7} {'×':>5} {'cache':>5}"
        f" {'queries':>8} {'in-process ms':>13}"
    )
    for result in results:
        for name, row in result["pages"].items():
            start = f"{result['n']:>8,}  {name:<14}"
            if "unavailable" in row:
                print(f"{start} {row['unavailable']}")
                continue
            cells = []
            for kind in ("uncached", "cached"):
                run = row[kind]
                if "p50" in run:
                    cells.append(f"{run['rps']:>{14 if kind == 'uncached' else 13},.1f}")
                    cells += [f"{ms(run['p50']):>7}", f"{ms(run['p99']):>7}"]
                else:
                    failed = f"failed: {', '.join(run['error_kinds'])}"
                    cells.append(f"{failed:>{30 if kind == 'uncached' else 29}}")
            errors = sum(row[kind]["errors"] for kind in ("uncached", "cached"))
            print(
                f"{start} {' '.join(cells)} {speed_up(row):>5} {row.get('cache', '-'):>5}"
                f" {queries_of(result, name):>8}"
                f" {inprocess_ms(result, name):>13}" + (f"  ({errors} errors)" if errors else "")
            )
    print()
    for result in results:
        print(summary_line(result))
    if len(results) > 1:
        print(growth_line(results[0], results[-1]))


def speed_up(row):
    """How many times more requests per second the cached run served."""
    uncached, cached = row["uncached"], row["cached"]
    if not uncached.get("rps") or "p50" not in cached:
        return "-"
    return f"{cached['rps'] / uncached['rps']:.1f}"


def summary_line(result):
    measured = {n: r for n, r in result["search"].items() if r.get("status") == 200}
    parts = [
        f"N={result['n']:,}: seeded in {result['seed_seconds']} s",
        f"load average {result['load_average']:.1f} before measuring",
    ]
    if measured:
        worst = max(measured, key=lambda n: measured[n]["p95"])
        parts.append(f"worst search p95 {ms(measured[worst]['p95'])} ms ({worst})")
    else:
        parts.append("search not measurable")
    for name in ("library", "sheet", "static file"):
        run = result["pages"].get(name, {}).get("uncached")
        parts.append(f"{name} {run['rps']:,.1f} req/s" if run else f"{name} n/a")
    return "; ".join(parts)


def growth_line(first, last):
    ratios = [
        f"{name} ×{last['search'][name]['p95'] / first['search'][name]['p95']:.1f}"
        for name in first["search"]
        if first["search"][name].get("status") == 200
        and last["search"].get(name, {}).get("status") == 200
    ]
    span = f"N={last['n']:,} vs N={first['n']:,}"
    return f"Search p95 growth {span}: " + (", ".join(ratios) if ratios else "n/a")


def run(command, **kwargs):
    return subprocess.run(command, env=env.environment(), cwd=env.ROOT, check=True, **kwargs)


def run_json(module, *args):
    """What a bench module run in a Django process of its own prints, as JSON."""
    command = [str(env.PYTHON), "-m", module, *args]
    return json.loads(run(command, stdout=subprocess.PIPE, text=True).stdout)


def main():
    options = settings()
    env.RESULTS_DIR.mkdir(exist_ok=True)
    print("Collecting static files for the production settings", flush=True)
    run([str(env.PYTHON), "manage.py", "collectstatic", "--noinput", "--verbosity", "0"])
    if options["reuse_seed"] and len(options["sizes"]) > 1:
        sys.exit("bench: BENCH_REUSE_SEED=1 measures one N, the one last seeded")
    if not options["reuse_base"] and not options["reuse_seed"]:
        run([str(env.PYTHON), "-m", "bench.seed", "--base"])
    results = []
    for size in options["sizes"]:
        if options["reuse_seed"]:
            print(f"Measuring the {size:,} sheets seeded earlier in {env.DATABASE}", flush=True)
            run([str(env.PYTHON), "manage.py", "migrate", "--noinput", "--verbosity", "0"])
        else:
            seed = [str(env.PYTHON), "-m", "bench.seed", str(size), "--from-base"]
            run(seed + (["--update-index"] if options["update_index"] else []))
        meta = json.loads((env.RESULTS_DIR / f"seed-{size}.json").read_text())
        results.append(measure(size, meta, options, env.RESULTS_DIR / f"gunicorn-{size}.log"))
    print_tables(results)
    stamp = datetime.datetime.now().strftime("%Y%m%d-%H%M%S")
    path = env.RESULTS_DIR / f"bench-{stamp}.json"
    path.write_text(json.dumps({"options": options, "results": results}, indent=2))
    print(f"\nResults: {path.relative_to(env.ROOT)}")


if __name__ == "__main__":
    try:
        with env.exclusive():
            main()
    except subprocess.CalledProcessError as error:
        sys.exit(f"bench: {error}")
