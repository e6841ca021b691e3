# yusuan: two commands do all the set-up on a fresh machine.
#   make run   -> venv + packages, then `yusuan build documents/` and a summary
#   make test  -> venv + packages, then the whole test suite (pytest drives dbt build too)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test docs bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/yusuan build documents/

test: $(STAMP)
	$(BIN)/python -m pytest

docs: $(STAMP)
	$(BIN)/yusuan docs

clean:
	rm -rf warehouse target logs dbt_packages
