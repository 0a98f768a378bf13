# The two commands of the quick start: `make run` and `make test`.
# Each installs what is missing, builds, then runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

WEB_OUT := $(abspath $(BUILD))/web
WEB_SOURCES := $(shell find web/src web/index.html web/vite.config.ts web/tsconfig.json web/package-lock.json data/songs -type f 2>/dev/null)

.PHONY: all setup build assets web run test test-web bench model clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The web player, built by Vite into $(BUILD)/web (served by `lofi serve`).
web: setup $(WEB_OUT)/index.html

$(WEB_OUT)/index.html: $(WEB_SOURCES)
	cd web && LOFI_WEB_OUT=$(WEB_OUT) npm run build

# Everything the web page plays (samples, grooves, ambience, quotes) and its
# manifest; does nothing when its inputs have not changed.
assets: build
	./$(BUILD)/lofi assets --out $(BUILD)/assets

# The main job: serves the page, its assets and the API, and prints the
# address (http://127.0.0.1:8080); Ctrl-C stops it.
run: build web assets
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

bench: build
	./$(BUILD)/bench/lofi-bench-encode
	./$(BUILD)/bench/lofi-bench-render
	./$(BUILD)/bench/lofi-bench-generate

# The default model: the default preset trained on the built-in corpus
# (composed first), kept as models/default.lofi.
MODEL_DATA ?= $(BUILD)/corpus
model: build
	./$(BUILD)/lofi corpus --songs 2000 --seed 1 --out $(MODEL_DATA)
	./$(BUILD)/lofi train $(MODEL_DATA) --encoding timed --parts melody --preset default --epochs 6 --seed 1 --out $(BUILD)/model-default
	mkdir -p models && cp $(BUILD)/model-default/best.lofi models/default.lofi
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD)
