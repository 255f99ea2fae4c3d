# colosim — the two commands for a fresh machine are `make run` and `make test`.
SWIFT ?= swift
SYSTEM_PACKAGES := libgsl-dev libsqlite3-dev
COMPARE_PACKAGES := gcc python3-venv
COLOSIM := .build/release/colosim
REFERENCE ?= ../shared/reference
VENV := .venv
HEAP_LIMIT := .build/heap_limit
BENCH_THRESHOLDS := Thresholds/6.3
BENCH := cd Benchmarks && $(SWIFT) package --allow-writing-to-package-directory benchmark

.PHONY: run test build release deps compare-deps bench bench-check bench-update bench-compare fuzz slurm-test clean

## Install missing system packages (apt-get, when root; otherwise say what to install).
deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(SYSTEM_PACKAGES)"

compare-deps:
	@$(MAKE) --no-print-directory install-packages PACKAGES="$(COMPARE_PACKAGES)"

install-packages:
	@missing=""; for p in $(PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then echo "installing:$$missing"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing >/dev/null; \
	  else echo "missing system packages:$$missing (run: sudo apt-get install$$missing)"; exit 2; fi; \
	fi

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product colosim

## The main job: the default scenario (recsys co-location) under all five co-location policies, stored in
## $(DB) as one comparison sweep, then its HTML (charts) and Markdown report in reports/.
DEFAULT_SCENARIO := scenarios/recsys-colocation.yaml
DB ?= colosim.sqlite
REPORT := reports/recsys-colocation
run: release
	@mkdir -p reports
	@echo "colosim compare $(DEFAULT_SCENARIO) (dedicated, shared, preemptive, time-sliced, tidal) ..."
	@out="$$($(COLOSIM) compare $(DEFAULT_SCENARIO) --db $(DB) --quiet)" || exit $$?; printf '%s\n' "$$out"; \
	sweep=$$(printf '%s\n' "$$out" | sed -n 's/^runs stored as sweep \([^ ]*\).*/\1/p'); \
	test -n "$$sweep" || { echo "make run: no sweep id in the compare output"; exit 1; }; \
	$(COLOSIM) report "$$sweep" --db $(DB) --html $(REPORT).html --markdown $(REPORT).md >/dev/null && \
	echo "report: $(CURDIR)/$(REPORT).html (Markdown: $(REPORT).md; runs in $(DB), sweep $$sweep)"

## The test suite (Swift Testing).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Mutation fuzzing of the input readers (docs/fuzzing.md): FUZZ_INPUTS inputs per target or
## FUZZ_SECONDS seconds per target, whichever comes first; FUZZ_SEED picks the mutations. Exit 1 on a finding, 70 on a crash, 71 on a hang.
FUZZ_INPUTS ?= 250000
FUZZ_SECONDS ?= 900
FUZZ_TARGET ?= all
FUZZ_SEED ?= 1
fuzz: deps
	$(SWIFT) build -c release --product colosim-fuzz
	.build/release/colosim-fuzz --target $(FUZZ_TARGET) --inputs $(FUZZ_INPUTS) --seconds $(FUZZ_SECONDS) \
	  --seed $(FUZZ_SEED) --corpus Fuzz/corpus --findings .build/fuzz-findings

## A sweep on a real (one-node, localhost) Slurm cluster: installs slurm-wlm and munge when missing, starts
## munged/slurmctld/slurmd, submits `colosim sweep --slurm --submit` (job array + dependent merge), checks the
## merged database equals a local --jobs 1 run point for point, stops the daemons (scripts/slurm-test.sh). Root.
slurm-test: release
	scripts/slurm-test.sh

## Swift engine vs SimPy (own virtual environment) vs the C binary heap, side by side in one run.
bench-compare: release compare-deps
	@test -d $(REFERENCE) || { echo "bench-compare: reference models not found at $(REFERENCE) (set REFERENCE=...)"; exit 2; }
	@test -x $(VENV)/bin/python || python3 -m venv $(VENV)
	@$(VENV)/bin/python -c "import simpy" 2>/dev/null || $(VENV)/bin/pip install -q simpy
	gcc -O2 -o $(HEAP_LIMIT) $(REFERENCE)/heap_limit.c -lm
	$(VENV)/bin/python Benchmarks/compare/bench_compare.py --colosim $(COLOSIM) --heap-limit $(HEAP_LIMIT) \
	  --reference $(REFERENCE) --python $(VENV)/bin/python

## Package benchmarks (ordo-one/benchmark) in Benchmarks/: run them, check against the committed
## thresholds (exit 1 on a regression or an unrecorded improvement), or re-record the thresholds.
bench: deps
	$(BENCH)

bench-check: deps
	$(BENCH) thresholds check --path $(BENCH_THRESHOLDS)

bench-update: deps
	$(BENCH) thresholds update --path $(BENCH_THRESHOLDS)

clean:
	rm -rf .build Benchmarks/.build
