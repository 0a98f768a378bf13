# The two commands of the quick start: `make run` and `make test`.
# Each installs what is missing, builds, then runs.
BUILD ?= build
JOBS ?= $(shell nproc)
CMAKE_FLAGS ?= -DCMAKE_BUILD_TYPE=Release

.PHONY: all setup build run test bench model clean

all: build

setup:
	@scripts/setup.sh

build: setup
	@cmake -S . -B $(BUILD) $(CMAKE_FLAGS) > /dev/null
	@cmake --build $(BUILD) -j$(JOBS)

# The main job. Until the web player exists: encode the bundled example.
run: build
	./$(BUILD)/lofi encode examples/late-bus.mid --encoding classic

test: build
	cd $(BUILD) && ctest --output-on-failure -j$(JOBS)

bench: build
	./$(BUILD)/bench/lofi-bench-encode
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
