SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
VENV_PY := $(VENV)/bin/python
VENV_STAMP := $(VENV)/.requirements.stamp
ES := $(PYTHON) scripts/es.py
# URL of the cluster to use: $ELASTICSEARCH_URL if set, else the local node from scripts/es.py.
ES_URL = $$($(ES) url)

HOST ?= 127.0.0.1
PORT ?= 5000
PYTEST_ARGS ?=
BENCH_ARGS ?=
EVAL_ARGS ?=
SOAK_ARGS ?=
PYTEST_STATUS_FILE ?=

.PHONY: help venv es es-stop es-status es-reset run test bench eval soak

help:
	@echo "make venv       create .venv and install requirements.txt (re-runs only when it changes)"
	@echo "make es         start (or reuse) the local Elasticsearch node; prints its URL"
	@echo "make es-stop    stop the local node started by scripts/es.py"
	@echo "make es-status  cluster health of the node in use"
	@echo "make es-reset   stop the local node and delete its data (.es/node)"
	@echo "make run        index seeds/ and serve the API on http://$(HOST):$(PORT)"
	@echo "make test       run pytest against the node (PYTEST_ARGS='-k foo -x')"
	@echo "make bench|eval|soak   benchmarks / relevance evaluation / soak test (BENCH_ARGS, EVAL_ARGS, SOAK_ARGS)"

venv: $(VENV_STAMP)

$(VENV_STAMP): requirements.txt
	@test -x $(VENV_PY) || $(PYTHON) -m venv $(VENV)
	$(VENV_PY) -m pip install --disable-pip-version-check -q -r requirements.txt
	@touch $@

es:
	@$(ES) start

es-stop:
	@$(ES) stop

es-status:
	@$(ES) status

es-reset: es-stop
	rm -rf .es/node

run: venv es
	export ELASTICSEARCH_URL="$(ES_URL)"; \
	$(VENV_PY) -m indexer seeds/; \
	exec $(VENV)/bin/flask --app service:create_app run --host $(HOST) --port $(PORT)

# PYTEST_STATUS_FILE (optional): where to record pytest's own exit status (used by .ci/run,
# since make itself only reports 2 on failure).
test: venv es
	rc=0; ELASTICSEARCH_URL="$(ES_URL)" $(VENV_PY) -m pytest $(PYTEST_ARGS) || rc=$$?; \
	if [ -n "$(PYTEST_STATUS_FILE)" ]; then echo $$rc > "$(PYTEST_STATUS_FILE)"; fi; \
	exit $$rc

bench: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/run.py $(BENCH_ARGS)

eval: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/eval.py $(EVAL_ARGS)
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/eval_exonyms.py --write

soak: venv es
	ELASTICSEARCH_URL="$(ES_URL)" PYTHONPATH=$(CURDIR) $(VENV_PY) bench/soak.py $(SOAK_ARGS)
