# protokoll's build helper. `make run` and `make test` are the two set-up commands in README.md;
# both install what they need first, so they work on a fresh Debian 12 machine with Swift.

SYSTEM_PACKAGES := libxml2-dev libpoppler-glib-dev liblcms2-dev pkg-config libjemalloc-dev
# libtesseract-dev with the Swedish and orientation data: OCR of scanned pages (pipeline.yml `ocr`).
SYSTEM_PACKAGES += libtesseract-dev tesseract-ocr-swe tesseract-ocr-osd
# Test-only: pdftotext is the reference the extraction tests compare against; chromium
# renders the inspect reports in the browser test; strace shows the order in which a run
# flushes files and writes the ledger.
TEST_PACKAGES := poppler-utils chromium strace
# OCR measurement only: the tesseract command line is the speed reference in bench-ocr.
BENCH_OCR_PACKAGES := tesseract-ocr poppler-utils jq bc
SWIFT_BUILD_FLAGS ?=

.PHONY: deps test-deps build release run test lint samples fuzz robustness sanitize slurm-test k8s-validate slurm-bench bench-stages bench bench-ocr clean

# Installs missing system packages (apt-get update first, as a fresh machine needs it).
deps:
	@missing=""; for p in $(SYSTEM_PACKAGES) $(EXTRA_PACKAGES); do \
	  dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $$missing; \
	fi

test-deps:
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(TEST_PACKAGES)"

build: deps
	swift build $(SWIFT_BUILD_FLAGS)

# The Swift runtime and Foundation linked in statically: a process starts in a third of the
# time (no symbol lookup across a dozen shared libraries), and the binaries run on machines
# without a Swift toolchain.
release: deps
	swift build -c release --static-swift-stdlib $(SWIFT_BUILD_FLAGS)

# The main job: every document in samples/ into output/ (see pipeline.yml).
run: release
	.build/release/protokoll run --config pipeline.yml

# OMP_THREAD_LIMIT=1: the OCR tests run Tesseract in the test process, on one thread as in the workers.
test: test-deps lint
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	OMP_THREAD_LIMIT=1 swift test --skip-build $(SWIFT_BUILD_FLAGS)

# House style (.swift-format); `swift format format -i -r Sources Tests` fixes most findings.
lint:
	swift format lint --strict -r Sources Tests Package.swift

# Regenerates samples/ and Tests/Fixtures/pdf/ (needs LibreOffice, reportlab, python-docx,
# qpdf; the script installs them). Not needed to build or test.
samples:
	scripts/samples/make-samples.sh

# Hardening (docs/robustness.md). Not part of `make test`: they run for minutes to hours.
FUZZ_SECONDS ?= 900
fuzz:
	for target in fuzz-document fuzz-word-xml fuzz-layout fuzz-text; do \
	  scripts/fuzz/run.sh $$target $(FUZZ_SECONDS) || exit 1; done

MUTANTS ?= 1000
robustness: release
	scripts/robustness/run-mutated.sh $(MUTANTS)

# The test suite under AddressSanitizer and ThreadSanitizer, each in its own build folder.
# LeakSanitizer ignores what XCTest and the browser test's helper keep until exit.
sanitize: test-deps
	LSAN_OPTIONS=suppressions=$(CURDIR)/scripts/sanitize/lsan.supp \
	  swift test --sanitize=address --scratch-path .build-asan
	swift test --sanitize=thread --scratch-path .build-tsan

# Deployment test (as root): validates deploy/kubernetes/, runs a 4-shard job array on a
# throw-away single-node Slurm (installs slurm-wlm, munge) and checks the merge equals one run.
slurm-test: release
	PROTOKOLL_BIN=.build/release deploy/slurm/test-slurm.sh

# Offline schema and consistency check of the Kubernetes manifests (pip: kubernetes-validate).
k8s-validate:
	deploy/kubernetes/validate.sh

# Throughput with 1, 2 and 4 shards (docs/scale.md); a benchmark, not a test.
slurm-bench: release
	PROTOKOLL_BIN=.build/release deploy/slurm/bench-slurm.sh

# In-process timings and allocations of each stage on samples/ (Benchmarks/README.md); a
# benchmark, not a test. Builds the nested package in release into Benchmarks/.build.
# BENCH_ARGS passes a command to the plugin: BENCH_ARGS="baseline update main", then
# BENCH_ARGS="baseline compare main" after a change.
BENCH_ARGS ?=
bench-stages: deps
	cd Benchmarks && swift package --allow-writing-to-package-directory benchmark $(BENCH_ARGS)

# Whole-process throughput and peak memory of protokoll against pdftotext, mutool, PyMuPDF,
# pdfplumber and pandoc on a generated corpus (docs/benchmarks.md); a benchmark, not a test.
# Installs its own tools, builds with --static-swift-stdlib into BENCH_BUILD (default .build;
# PROTOKOLL_BIN=dir skips the build), caches the corpus in .bench/; 15-30 minutes on 2 cores, the
# first run 1-4 more to generate the corpus.
bench: deps
	SWIFT_BUILD_FLAGS="$(SWIFT_BUILD_FLAGS)" scripts/bench/run.sh

# OCR quality and speed (docs/benchmarks.md, "OCR"): every sample as an image-only scan at 200
# and 300 dpi, plus a page turned a quarter and one askew, read back and compared with the text
# layer; pages/s against the tesseract command line on the same images. A benchmark, not a test.
bench-ocr: release
	@$(MAKE) --no-print-directory deps EXTRA_PACKAGES="$(BENCH_OCR_PACKAGES)"
	PROTOKOLL_BIN=.build/release scripts/bench/ocr.sh

clean:
	rm -rf .build output/*.ndjson output/run-summary.json
