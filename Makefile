# Two entry points: `make demo` and `make test`; each sets itself up from scratch.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test install clean stop

$(STAMP): pyproject.toml
	$(PY) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip==25.3
	$(BIN)/pip install -q -e '.[test]'
	-cd tests/cypher_lint && npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/python main.py demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

stop: $(STAMP)
	$(BIN)/python main.py db stop

clean:
	rm -rf $(VENV) build *.egg-info
