# tracer: `make trace` and `make test` are the only set-up commands a newcomer needs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
DB     ?= db/provenance.db
SHARED ?= ../shared/data

.DEFAULT_GOAL := help
.PHONY: help trace test eval bench cron browse lint fuzz test-browser test-spark bench-spark clean

help:  ## list targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

# The seed articles: everything in seeds/ but the example feed list for `make cron`.
SEEDS := $(filter-out seeds/feeds.txt,$(wildcard seeds/*.txt seeds/*.md seeds/*.html seeds/*.htm))

# Bytecode for the package itself (an editable install has none, and with
# PYTHONDONTWRITEBYTECODE set every run would recompile it: ~0.1 s a start).
PYC := $(VENV)/.pyc
$(PYC): $(STAMP) $(wildcard tracer/*.py tracer/*/*.py)
	$(BIN)/python -m compileall -q tracer
	touch $(PYC)

trace: $(PYC)  ## create .venv, install, trace seeds/ into db/, print the report
	$(BIN)/tracer trace $(SEEDS) --db $(DB)

test: $(STAMP)  ## run the test suite (no network, no ../shared needed)
	$(BIN)/python -m pytest

eval: $(STAMP)  ## accuracy on ../shared/data: precision, recall, F1 (fails below pinned floors)
	$(BIN)/python -m bench.eval_extraction --data $(SHARED)
	$(BIN)/python -m bench.eval_attribution --data $(SHARED)
	$(BIN)/python -m bench.eval_syndication --data $(SHARED)
	$(BIN)/python -m bench.eval_language --data $(SHARED)
	$(BIN)/python -m bench.eval_duplication --data $(SHARED)
	$(BIN)/python -m bench.eval_outlets --data $(SHARED)
	$(BIN)/python -m bench.eval_layers --data $(SHARED)
	$(BIN)/python -m bench.eval_pronouns --data $(SHARED)
	$(BIN)/python -m bench.eval_speakers --data $(SHARED)
	$(BIN)/python -m bench.eval_anonymous --data $(SHARED)
	$(BIN)/python -m bench.eval_vague --data $(SHARED)
	$(BIN)/python -m bench.eval_repeats --data $(SHARED)

MEMORY_SIZES ?= 10000,100000

bench: $(PYC)  ## speed and memory against named baselines (long: about an hour)
	$(BIN)/python -m bench.bench_extraction --data $(SHARED)
	$(BIN)/python -m bench.bench_attribution --data $(SHARED)
	$(BIN)/python -m bench.bench_syndication --data $(SHARED)
	$(BIN)/python -m bench.bench_candidates
	$(BIN)/python -m bench.bench_watch
	$(BIN)/python -m bench.bench_memory --sizes $(MEMORY_SIZES)

cron: $(PYC)  ## one watch run over seeds/feeds.txt (what a crontab line calls)
	$(BIN)/tracer watch --feeds seeds/feeds.txt --db $(DB) --out out/

browse: $(STAMP)  ## open the store in Datasette
	$(BIN)/python -m pip install --quiet -e '.[browse]'
	$(BIN)/tracer index --db $(DB)
	$(BIN)/datasette $(DB) --metadata tracer/data/datasette-metadata.json

fuzz: $(STAMP)  ## long property-based fuzzing of the pure core (hypothesis, 3000 cases each)
	HYPOTHESIS_PROFILE=fuzz $(BIN)/python -m pytest tests/test_fuzz.py

lint: $(STAMP)  ## static checks
	$(BIN)/python -m pip install --quiet ruff
	$(BIN)/ruff check tracer tests bench

$(VENV)/.spark: $(STAMP)
	@command -v java >/dev/null 2>&1 || { echo "test-spark: Java is missing; install a JRE 17 (Debian: apt-get install -y openjdk-17-jre-headless) and run again"; exit 1; }
	$(BIN)/python -m pip install --quiet -e '.[spark]'
	touch $@

test-spark: $(VENV)/.spark  ## the Spark path on local[2] (installs PySpark, ~520 MB)
	PYSPARK_PYTHON=$(abspath $(BIN)/python) $(BIN)/python -m pytest -m spark tests/test_spark.py

bench-spark: $(VENV)/.spark  ## articles/s on Spark local[2] vs the single-machine path
	PYSPARK_PYTHON=$(abspath $(BIN)/python) $(BIN)/python -m bench.bench_spark --data $(SHARED)

clean:  ## remove the virtual environment and caches (keeps db/)
	rm -rf $(VENV) .pytest_cache .hypothesis *.egg-info

test-browser: $(STAMP)  ## the HTML report in headless Chromium (installs Debian's chromium if missing)
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update && apt-get install -y chromium; \
	  else sudo apt-get update && sudo apt-get install -y chromium; fi; }
	$(BIN)/python -m pytest -m browser tests/test_browser.py
