# One entry point per job; each target sets up its own virtualenv first.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin

.PHONY: crawl test demo bench clean

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

crawl: $(BIN)/.installed
	$(BIN)/zhengwen crawl

test: $(BIN)/.installed
	$(BIN)/python -m pytest

# Try zhengwen offline: crawl the fixture web on 127.0.0.1, replay, export (see README).
demo: $(BIN)/.installed
	$(BIN)/python tests/demo.py

# Benchmarks (not part of `make test`): extras for the side-by-side extractors, then every bench/ script.
$(BIN)/.installed-bench: $(BIN)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $@

bench: $(BIN)/.installed-bench
	for script in bench/*.py; do case $$script in */fixture_site.py) ;; *) $(BIN)/python $$script || exit 1;; esac; done

clean:
	rm -rf $(VENV) build *.egg-info
