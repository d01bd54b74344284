# Tasks: `make demo` installs and runs extract on the bundled sample; `make test` runs the tests.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint eval eval-sentences bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/newsevents extract --sample

test: $(STAMP)
	$(BIN)/python -m pytest -q
	$(BIN)/ruff check src tests

lint: $(STAMP)
	$(BIN)/ruff check src tests
	$(BIN)/ruff format --check src tests
	$(BIN)/mypy

eval: $(STAMP)
	$(PYTHON) ../shared/eval/score.py ../shared/corpus/dev --run "$(BIN)/newsevents extract {dir} --format jsonl" -v

eval-sentences: $(STAMP)
	$(PYTHON) ../shared/eval/score_sentences.py ../shared/external/plover-gsr/plover_gsr_dev.jsonl --run "$(BIN)/newsevents extract {dir} --format jsonl"

bench: $(STAMP)
	$(BIN)/python bench/bench_extract.py

clean:
	rm -rf $(VENV) build dist src/*.egg-info .pytest_cache .ruff_cache .mypy_cache
