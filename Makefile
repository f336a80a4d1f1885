# Two entry points: `make demo` and `make test`; each sets itself up from scratch.
#
# Installs do not drift: `make install` installs the full dependency tree from requirements.lock
# (every distribution pinned, with its hashes, pip's --require-hashes mode), then the project itself
# without resolving anything. `make lock` regenerates the lock from pyproject.toml alone.
# Why uv for the lock: `uv pip compile --universal --python-version 3.11` resolves for Python 3.11 on
# every platform in seconds, whatever Python runs it, and writes a requirements file with hashes that
# plain pip installs; so installing needs only the pip that comes with Python (uv is needed only to
# refresh the lock, in its own virtualenv). pip-tools resolves for the interpreter it runs on only.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
LOCK := requirements.lock
UV_VERSION := 0.13.9
LOCK_TOOLS := $(VENV)/lock-tools

.PHONY: demo test install lock clean stop

# --clear: a venv made again (pyproject or the lock changed) holds exactly the lock, nothing left over;
# pip check: a dependency added to pyproject but not to the lock stops the install with what to do.
$(STAMP): pyproject.toml $(LOCK)
	$(PY) -m venv --clear $(VENV)
	$(BIN)/python -m pip install -q --require-hashes --no-deps -r $(LOCK)
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	@$(BIN)/python -m pip check >/dev/null || { $(BIN)/python -m pip check; \
	  echo "error: $(LOCK) does not satisfy pyproject.toml: run 'make lock' and commit $(LOCK)"; exit 1; }
	-cd tests/cypher_lint && npm ci --no-audit --no-fund --loglevel=error
	touch $(STAMP)

install: $(STAMP)

# The lock: pyproject's dependencies and its test extra, the build backend (the project installs
# without build isolation, so nothing is fetched unpinned), and pip itself.
lock:
	$(PY) -m venv $(LOCK_TOOLS)
	$(LOCK_TOOLS)/bin/python -m pip install -q uv==$(UV_VERSION)
	$(PY) -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml','rb'))['build-system']['requires']))" \
	  > $(LOCK_TOOLS)/build.in
	echo "pip==25.3" >> $(LOCK_TOOLS)/build.in
	$(LOCK_TOOLS)/bin/uv pip compile -q --universal --python-version 3.11 --generate-hashes \
	  --extra test --no-header --output-file $(LOCK) pyproject.toml $(LOCK_TOOLS)/build.in
	@echo "wrote $(LOCK): $$(grep -c '^[a-zA-Z]' $(LOCK)) distributions"

demo: $(STAMP)
	$(BIN)/python main.py demo

test: $(STAMP)
	$(BIN)/python -m pytest -q

stop: $(STAMP)
	$(BIN)/python main.py db stop

clean:
	rm -rf $(VENV) build *.egg-info
