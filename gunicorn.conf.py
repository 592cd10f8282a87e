"""Gunicorn settings of the API (read from the working directory, /app in the image).

The work of a request is a few milliseconds of Python (analysis, highlighting) and
a wait on Elasticsearch, so a few processes with threads fit: processes for the
CPU part (the GIL), threads to overlap the waits.  Every Elasticsearch call is
bounded (2.5 s), so a request never needs the 30 s timeout; a worker that hangs
longer is restarted.  Workers are recycled now and then so that caches stay bounded; a
worker loads its analysis tables before it takes a request (post_worker_init).
"""
import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "0.0.0.0:5000")
workers = int(os.environ.get("GUNICORN_WORKERS", min(4, multiprocessing.cpu_count())))
threads = int(os.environ.get("GUNICORN_THREADS", 4))
worker_class = "gthread"
timeout = 30
graceful_timeout = 20
keepalive = 5
max_requests = 5000
max_requests_jitter = 500
worker_tmp_dir = "/dev/shm" if os.path.isdir("/dev/shm") else None
accesslog = "-"
errorlog = "-"
limit_request_line = 8190
forwarded_allow_ips = "127.0.0.1"


def post_worker_init(worker):
    """A worker takes no request before its analysis tables are loaded (service.wait_until_warm):
    the first search of a new or recycled worker would otherwise wait seconds on them."""
    from service import wait_until_warm

    if not wait_until_warm(worker.wsgi):
        worker.log.warning("analysis tables still loading: the first searches will be slow")
