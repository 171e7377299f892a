# One entry point per job; each target sets up its own virtualenv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# pywb, for the replay test, lives in a virtualenv of its own: every pywb 2.x pins an old
# `redis` (through fakeredis<1.0) that scrapy-redis cannot run with.
PYWB_VENV ?= .venv-pywb

.PHONY: crawl test demo bench fit clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

$(PYWB_VENV)/bin/.installed: Makefile
	$(PYTHON) -m venv $(PYWB_VENV)
	$(PYWB_VENV)/bin/python -m pip install --quiet --upgrade pip
	$(PYWB_VENV)/bin/python -m pip install --quiet 'pywb>=2.8,<3'
	touch $@

crawl: $(BIN)/.installed
	$(BIN)/zhengwen crawl

# The browser tests of `report` and `review` need Debian's chromium, the distributed-crawl
# tests redis-server: both installed when missing.
test: $(BIN)/.installed $(PYWB_VENV)/bin/.installed
	.ci/install-test-deps
	$(BIN)/python -m pytest

# Try zhengwen offline: crawl the fixture web on 127.0.0.1, replay, export (see README).
demo: $(BIN)/.installed
	$(BIN)/python tests/demo.py

# The benchmark scripts of bench/ (the others there are their helpers and the model fit).
BENCHMARKS := archive_overhead.py extract_speed.py quality.py perturbed.py replay.py compressors.py crawl_throughput.py

# Benchmarks (not part of `make test`): extras for the side-by-side extractors and the fit, then every benchmark.
$(BIN)/.installed-bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BIN)/.installed-bench
	for script in $(BENCHMARKS); do $(BIN)/python bench/$$script || exit 1; done

# Refit the block model's weights on the development sets (writes crawler/extract/weights/
# and bench/weights/; commit both, then `make test`, which checks the held-out floors).
fit: $(BIN)/.installed-bench
	$(BIN)/python bench/fit_blocks.py

clean:
	rm -rf $(VENV) $(PYWB_VENV) build *.egg-info
