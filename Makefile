# North Carolina Therapy Professionals — site build.
# Every target makes its own virtual environment from pyproject.toml on first use.

PY3       ?= python3
VENV      := .venv
PY        := $(VENV)/bin/python
PELICAN   := $(PY) -m pelican
INPUTDIR  := content
OUTPUTDIR := output
CONF      := pelicanconf.py
PUBLISHCONF := publishconf.py
export PYTHONPATH := plugins:.

.PHONY: help html check serve publish github clean test test-fast report city-report new-article bench system-deps

help:
	@echo "make html          build the site into $(OUTPUTDIR)/"
	@echo "make test          run every test (installs what it needs)"
	@echo "make serve         preview at http://127.0.0.1:8000 (PORT=…), rebuilt and reloaded on save"
	@echo "make check         check all content against the front-matter contract"
	@echo "make publish       production build, checked, swapped into $(OUTPUTDIR)/ in one step"
	@echo "make github        publish, then push $(OUTPUTDIR)/ to the gh-pages branch"
	@echo "make report        facts the site is still missing, and stale data"
	@echo "make city-report   how much of each city page is its own"
	@echo "make new-article TITLE=\"…\" AUTHOR=<therapist-slug>"
	@echo "make bench         build-speed benchmark against vanilla Pelican"

# The stamp is rebuilt whenever pyproject.toml changes.
$(VENV)/.site-deps: pyproject.toml
	@test -x $(PY) || $(PY3) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -e .
	@touch $@

$(VENV)/.test-deps: $(VENV)/.site-deps
	$(PY) -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@touch $@

html: $(VENV)/.site-deps
	$(PELICAN) $(INPUTDIR) -o $(OUTPUTDIR) -s $(CONF) --fatal warnings --log-handler plain

check: $(VENV)/.site-deps
	$(PY) -m practice_model check $(INPUTDIR)

PORT ?= 8000
serve: $(VENV)/.site-deps
	$(PY) tools/serve.py --port $(PORT)

publish: $(VENV)/.site-deps
	$(PY) tools/publish.py --content $(INPUTDIR) --output $(OUTPUTDIR)

github: publish
	$(PY) tools/deploy.py $(OUTPUTDIR) $(DEPLOY_ARGS)

report: $(VENV)/.site-deps
	$(PY) -m practice_model report $(INPUTDIR)

city-report: html
	@cat reports/city-report.txt

new-article: $(VENV)/.site-deps
	$(PY) -m content_contract new-article --title "$(TITLE)" --author "$(AUTHOR)" $(INPUTDIR)

bench: $(VENV)/.test-deps system-deps
	$(PY) bench/run.py $(BENCH_ARGS)

# Browser and HTML checks need Debian's Chromium and a Java runtime (for vnu).
system-deps:
	@sh tools/system-deps.sh

test: $(VENV)/.test-deps system-deps
	$(PY) -m pytest -n 2 $(PYTEST_ARGS)

test-fast: $(VENV)/.test-deps
	$(PY) -m pytest -m unit $(PYTEST_ARGS)

clean:
	rm -rf $(OUTPUTDIR) .pelican-cache reports
