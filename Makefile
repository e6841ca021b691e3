# yusuan: two commands do all the set-up on a fresh machine.
#   make run   -> venv + packages, then `yusuan build documents/` and a summary
#   make test  -> venv + packages, then the whole test suite (pytest drives dbt build too)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The report test renders HTML in headless Chromium: Debian's package, installed by `make test` when missing.
CHROMIUM ?= /usr/bin/chromium

.PHONY: run test docs bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/yusuan build documents/

test: $(STAMP) $(CHROMIUM)
	$(BIN)/python -m pytest

# Idempotent: nothing happens when the file exists; the package lists are refreshed only if the first try fails.
$(CHROMIUM):
	@test -x $@ || { export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }; }

docs: $(STAMP)
	$(BIN)/yusuan docs

# Benchmarks (BENCHMARKS.md): the issue's sizes (end to end and incremental on 10,000 documents, how cost grows
# from 100 to 1,000 to 10,000), in about 10 minutes on 2 cores. Smaller: make bench BENCH_DOCS=1000.
BENCH_DOCS ?= 10000
bench: $(STAMP)
	$(BIN)/python benchmarks/end_to_end.py --docs 100
	$(BIN)/python benchmarks/end_to_end.py --docs 1000
	$(BIN)/python benchmarks/end_to_end.py --docs $(BENCH_DOCS)
	$(BIN)/python benchmarks/incremental.py --docs $(BENCH_DOCS) --no-compare
	$(BIN)/python benchmarks/incremental.py --docs 1000   # and incremental = full, row for row
	$(BIN)/python benchmarks/accuracy.py --docs 1000
	$(BIN)/python benchmarks/fault_detection.py --docs 600
	$(BIN)/python benchmarks/pdf_parse.py

clean:
	rm -rf warehouse target logs dbt_packages
