# The two commands of the quick start: `make run` and `make test`.
# Each installs what is missing, builds, then runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all setup build assets run test bench model clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# Everything the web page plays (samples, grooves, ambience, quotes) and its
# manifest; does nothing when its inputs have not changed.
assets: build
	./$(BUILD)/lofi assets --out $(BUILD)/assets

# The main job: serves the page, its assets and the API, and prints the
# address (http://127.0.0.1:8080); Ctrl-C stops it.
run: assets
	./$(BUILD)/lofi serve

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	./$(BUILD)/bench/lofi-bench-encode
	./$(BUILD)/bench/lofi-bench-render
	./$(BUILD)/bench/lofi-bench-generate

# The embedded default model: the default preset trained on the built-in
# corpus, then compiled into lofi from models/default.lofi.
MODEL_DATA ?= data/corpus
model: build
	./$(BUILD)/lofi train $(MODEL_DATA) --preset default --seed 1 --out $(BUILD)/model-default
	mkdir -p models && cp $(BUILD)/model-default/best.lofi models/default.lofi
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

clean:
	rm -rf $(BUILD)
