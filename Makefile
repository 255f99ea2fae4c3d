# colosim — the two commands for a fresh machine are `make run` and `make test`.
SWIFT ?= swift
SYSTEM_PACKAGES := libgsl-dev libsqlite3-dev
COLOSIM := .build/release/colosim

.PHONY: run test build release deps bench bench-compare clean

## Install missing system packages (apt-get, when root; otherwise say what to install).
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES); do \
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

## The main job on the default scenario.
run: release
	$(COLOSIM) bench mmc --servers 8 --arrival-rate 64 --service-rate 10 --requests 200000 --seed 1

## The test suite (Swift Testing).
test: deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build
