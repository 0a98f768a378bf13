# The two commands of the quick start: `make run` and `make test`.
# Each installs what it is missing (scripts/setup.sh run|test), builds what it
# needs, then runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

WEB_OUT := $(abspath $(BUILD))/web
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig.json web/package-lock.json data/songs -type f 2>/dev/null)

# One build folder for every job. A folder that `make run` configures first
# leaves out training (LibTorch), the tests and the benchmarks; each job then
# turns on what it needs and builds only its own targets, so `make run` after
# `make test` builds `lofi` alone and `make test` after `make run` builds the rest.
LEAN_FLAGS := -DLOFI_BUILD_TRAINING=OFF -DLOFI_BUILD_TESTS=OFF -DLOFI_BUILD_BENCH=OFF
configure = if [ -f $(BUILD)/CMakeCache.txt ]; then cmake -S . -B $(BUILD) $(CMAKE_FLAGS) $(1) > /dev/null; \
  else cmake -S . -B $(BUILD) $(CMAKE_FLAGS) $(LEAN_FLAGS) $(1) > /dev/null; fi

.PHONY: all setup build lofi lofi-train assets web run test test-web bench model clean

all: build

# Everything any job needs: packages for running, training, tests and benchmarks.
setup:
	@scripts/setup.sh all

# Every target: the programs, the tests, the benchmarks (what `make test` runs).
build:
	@scripts/setup.sh test
	@$(call configure,-DLOFI_BUILD_TRAINING=ON -DLOFI_BUILD_TESTS=ON -DLOFI_BUILD_BENCH=ON)
	@cmake --build $(BUILD) -j$(JOBS)

# The lofi program alone: what `make run` runs.
lofi:
	@scripts/setup.sh run
	@$(call configure,)
	@cmake --build $(BUILD) -j$(JOBS) --target lofi

# The training program, which `lofi train` runs (LibTorch).
lofi-train:
	@scripts/setup.sh train
	@$(call configure,-DLOFI_BUILD_TRAINING=ON)
	@cmake --build $(BUILD) -j$(JOBS) --target lofi-train

# The web player, built by Vite into $(BUILD)/web (served by `lofi serve`).
web: $(WEB_OUT)/index.html

$(WEB_OUT)/index.html: $(WEB_SOURCES)
	@scripts/setup.sh run
	cd web && LOFI_WEB_OUT=$(WEB_OUT) npm run build

# Everything the web page plays (samples, grooves, ambience, quotes) and its
# manifest; does nothing when its inputs have not changed.
assets: lofi
	./$(BUILD)/lofi assets --out $(BUILD)/assets

# The main job: serves the page, its assets and the API, and prints the
# address (http://127.0.0.1:8080); Ctrl-C stops it.
run: lofi web assets
	./$(BUILD)/lofi serve

test: build web
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)
	$(MAKE) --no-print-directory test-web

# Vitest for the page's logic, then the browser suite when `lofi serve` exists
# (its own help names it; CLI11 answers --help of an unknown command with the
# main help). A test runner's summary line stays the last thing printed.
test-web: web
	@if ./$(BUILD)/lofi serve --help 2>/dev/null | grep -q "lofi serve"; then \
	  cd web && npm test && \
	  echo "web: end-to-end tests in headless Chromium against lofi serve" && \
	  LOFI_BINARY=$(abspath $(BUILD))/lofi LOFI_BUILD_DIR=$(abspath $(BUILD)) npm run e2e; \
	else \
	  echo "web: end-to-end tests skipped: ./$(BUILD)/lofi has no serve command yet (npm run e2e:fixtures runs them against the stand-in)"; \
	  cd web && npm test; \
	fi

bench:
	@scripts/setup.sh bench
	@$(call configure,-DLOFI_BUILD_TRAINING=ON -DLOFI_BUILD_BENCH=ON)
	@cmake --build $(BUILD) -j$(JOBS) --target benchmarks
	./$(BUILD)/bench/lofi-bench-encode
	./$(BUILD)/bench/lofi-bench-render
	./$(BUILD)/bench/lofi-bench-generate

# The default model: the default preset trained on the built-in corpus
# (composed first), kept as models/default.lofi and compiled into lofi.
MODEL_DATA ?= $(BUILD)/corpus
model: lofi lofi-train
	./$(BUILD)/lofi corpus --songs 2000 --seed 1 --out $(MODEL_DATA)
	./$(BUILD)/lofi train $(MODEL_DATA) --encoding timed --parts melody --preset default --epochs 6 --seed 1 --out $(BUILD)/model-default
	mkdir -p models && cp $(BUILD)/model-default/best.lofi models/default.lofi
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS) --target lofi

clean:
	rm -rf $(BUILD)
