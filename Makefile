# protokoll's build helper. `make run` and `make test` are the two set-up commands in README.md;
# both install what they need first, so they work on a fresh Debian 12 machine with Swift.

SYSTEM_PACKAGES := libxml2-dev libpoppler-glib-dev pkg-config
# Test-only: pdftotext is the reference the extraction tests compare against; chromium
# renders the inspect reports in the browser test.
TEST_PACKAGES := poppler-utils chromium
SWIFT_BUILD_FLAGS ?=

.PHONY: deps test-deps build release run test lint samples clean

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

release: deps
	swift build -c release $(SWIFT_BUILD_FLAGS)

# The main job: every document in samples/ into output/ (see pipeline.yml).
run: release
	.build/release/protokoll run --config pipeline.yml

test: test-deps lint
	swift build --build-tests $(SWIFT_BUILD_FLAGS)
	swift test --skip-build $(SWIFT_BUILD_FLAGS)

# House style (.swift-format); `swift format format -i -r Sources Tests` fixes most findings.
lint:
	swift format lint --strict -r Sources Tests Package.swift

# Regenerates samples/ and Tests/Fixtures/pdf/ (needs LibreOffice, reportlab, python-docx,
# qpdf; the script installs them). Not needed to build or test.
samples:
	scripts/samples/make-samples.sh

clean:
	rm -rf .build output/*.ndjson output/run-summary.json
