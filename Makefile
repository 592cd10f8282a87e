SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.requirements.stamp
ES := $(PYTHON) scripts/es.py
# URL of the cluster to use: $ELASTICSEARCH_URL if set, else the local node from scripts/es.py.
ES_URL = $${ELASTICSEARCH_URL:-$$($(ES) url)}

HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=
BENCH_ARGS ?=
EVAL_ARGS ?=
SOAK_ARGS ?=
PYTEST_STATUS_FILE ?=
# What `make run` indexes when the alias ($$SEARCH_INDEX, default arabic-news) does not exist yet,
# and what `make index` (re)indexes.
DATA ?= seeds/

.PHONY: help venv deps es es-stop es-status es-reset run serve index test test-cluster cluster cluster-stop bench eval soak

help:
	@echo "make venv       create .venv with requirements.txt + requirements-dev.txt (re-runs only when they change)"
	@echo "make deps       system packages the tests need (chromium, fonts, docker-compose): scripts/system-deps.sh"
	@echo "make es         start (or reuse) the local Elasticsearch node; prints its URL"
	@echo "make es-stop    stop the local node started by scripts/es.py"
	@echo "make es-status  cluster health of the node in use"
	@echo "make es-reset   stop the local node and delete its data (.es/node)"
	@echo "make run        index DATA (default seeds/) if the alias does not exist yet, then serve on http://$(HOST):$(PORT)"
	@echo "make serve      serve the existing index only (never indexes)"
	@echo "make index      (re)index DATA=folder behind the alias (a new version, swapped in when complete)"
	@echo "make test       deps + run pytest against the node (PYTEST_ARGS='-k foo -x')"
	@echo "make test-cluster  tests that start their own nodes: 3-node cluster, secured node (ports 9250-9299)"
	@echo "make cluster    start a 3-node cluster on 127.0.0.1:9250-9252; prints the URLs (cluster-stop stops it)"
	@echo "make bench|eval|soak   benchmarks / relevance evaluation / soak test (BENCH_ARGS, EVAL_ARGS, SOAK_ARGS)"

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements.txt requirements-dev.txt
	@test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --disable-pip-version-check -q -r requirements-dev.txt
	@touch $@

# Installs what is missing when root or passwordless sudo is available; otherwise fails
# naming the packages (a missing browser must not turn into a skipped test).
deps:
	@bash scripts/system-deps.sh test

es:
	@$(ES) start

es-stop:
	@$(ES) stop

es-status:
	@$(ES) status

es-reset: es-stop
	rm -rf .es/node

# Indexes only when the alias is missing: restarting never replaces a user's index.
run: venv es
	export ELASTICSEARCH_URL="$(ES_URL)"; \
	$(VENV_PY) -m indexer --if-missing $(DATA); \
	exec $(VENV)/bin/flask --app service:create_app run --host $(HOST) --port $(PORT)

serve: venv es
	export ELASTICSEARCH_URL="$(ES_URL)"; \
	exec $(VENV)/bin/flask --app service:create_app run --host $(HOST) --port $(PORT)

index: venv es
	ELASTICSEARCH_URL="$(ES_URL)" $(VENV_PY) -m indexer $(DATA)

# PYTEST_STATUS_FILE (optional): where to record pytest's own exit status (used by .ci/run,
# since make itself only reports 2 on failure).
test: venv deps es
	rc=0; ELASTICSEARCH_URL="$(ES_URL)" $(VENV_PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ -n "$(PYTEST_STATUS_FILE)" ]; then echo $$rc > "$(PYTEST_STATUS_FILE)"; fi; \
	exit $$rc

# Starts (or reuses) a 3-node cluster and a secured node on ports 9250-9299, runs the tests
# marked `cluster`, and stops the nodes it started (never the node on 9200).
test-cluster: venv
	rc=0; $(VENV_PY) -m pytest -m cluster tests/test_cluster.py tests/test_security.py \
		$(PYTEST_ARGS) || rc=$$?; \
	if [ -n "$(PYTEST_STATUS_FILE)" ]; then echo $$rc > "$(PYTEST_STATUS_FILE)"; fi; \
	exit $$rc

cluster:
	@$(PYTHON) scripts/es_cluster.py start 3

cluster-stop:
	@$(PYTHON) scripts/es_cluster.py stop

bench: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/run.py $(BENCH_ARGS)

eval: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/eval.py $(EVAL_ARGS)
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/eval_exonyms.py --write

soak: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/soak.py $(SOAK_ARGS)
