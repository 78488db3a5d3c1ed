"""`make bench`: seed a PostgreSQL database with practice sheets, then measure the real
views under gunicorn. See README.md, section "Benchmarks"."""
