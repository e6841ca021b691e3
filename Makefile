# yusuan: two commands do all the set-up on a fresh machine.
#   make run   -> venv + packages, then `yusuan build documents/` and a summary
#   make test  -> venv + packages, then the whole test suite (pytest drives dbt build too)
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# The report test renders HTML in headless Chromium: Debian's package, installed by `make test` when missing,
# with Debian's fonts-noto-cjk so the Chinese of the report's screenshot is drawn (not boxes).
CHROMIUM ?= /usr/bin/chromium
CJK_FONT ?= /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc

.PHONY: run test docs bench clean venv

venv: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $(STAMP)

run: $(STAMP)
	@# exit 1 = published, but marked incomplete: the summary line names what could not be read (see README,
	@# "Publication status"); the bundled documents print rows no parser can place with certainty.
	$(BIN)/yusuan build documents/; status=$$?; \
	  if [ $$status -eq 1 ]; then echo "make run: published as incomplete (exit 1 of yusuan build): see the summary above and 'yusuan report'"; exit 0; fi; \
	  exit $$status

test: $(STAMP) $(CHROMIUM) $(CJK_FONT)
	$(BIN)/python -m pytest

# Idempotent: nothing happens when the file exists; the package lists are refreshed only if the first try fails.
$(CHROMIUM):
	@test -x $@ || { export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q chromium >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q chromium; }; }

$(CJK_FONT):
	@test -f $@ || { export DEBIAN_FRONTEND=noninteractive; \
	  apt-get install -y -q fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -q && apt-get install -y -q fonts-noto-cjk; }; }

docs: $(STAMP)
	$(BIN)/yusuan docs

# Benchmarks (BENCHMARKS.md): the issue's sizes (end to end and incremental on 10,000 documents, how cost grows
# from 100 to 1,000 to 10,000), in about 10 minutes on 2 cores. Smaller: make bench BENCH_DOCS=1000.
BENCH_DOCS ?= 10000
bench: $(STAMP)
	$(BIN)/python benchmarks/end_to_end.py --docs 100
	$(BIN)/python benchmarks/end_to_end.py --docs 1000
	$(BIN)/python benchmarks/end_to_end.py --docs 1000 --no-plan   # dbt itself, as on a machine's first build
	$(BIN)/python benchmarks/end_to_end.py --docs $(BENCH_DOCS)
	$(BIN)/python benchmarks/incremental.py --docs $(BENCH_DOCS) --no-compare --repeat 3   # dbt records, then replays
	$(BIN)/python benchmarks/incremental.py --docs 1000   # and incremental = full, row for row
	$(BIN)/python benchmarks/accuracy.py --docs 1000
	$(BIN)/python benchmarks/fault_detection.py --docs 600
	$(BIN)/python benchmarks/pdf_parse.py

clean:
	rm -rf warehouse target logs dbt_packages
