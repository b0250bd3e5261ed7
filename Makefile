# The two commands a newcomer needs: `make serve` and `make test`. Both install what is
# missing first (scripts/setup.sh), so they work on a fresh Debian machine.
SHELL := /bin/bash
export PATH := $(CURDIR)/node_modules/.bin:$(or $(CARGO_HOME),$(HOME)/.cargo)/bin:$(PATH)
PORT ?= 8080
# The site's public address, for canonical links and the sitemap (HOSTING.md).
export SITE_URL ?= http://127.0.0.1:$(PORT)/

.PHONY: bench-search audit setup serve build build-embed build-identity serve-release check-content check-content-strict build-content test test-rust lint e2e e2e-nginx size bench bench-scale perf-report hosting-check fuzz e2e-languages a11y-report links container-check

setup:
	@scripts/setup.sh

## Build (debug) and serve with live reload on http://127.0.0.1:$(PORT)/; edits to content/ show on reload.
serve: setup
	@echo "Election Center will be at http://127.0.0.1:$(PORT)/"
	trunk serve --offline --port $(PORT) --dist target/dev-dist

## Release build into dist/: optimised wasm, hashed names, pre-compressed files; then the
## editor (crates/editor), its own wasm and page at every /<lang>/editor.
build: setup
	trunk build --release --offline
	trunk build --release --offline --config crates/editor/Trunk.toml --public-url editor/
	cargo run --quiet --locked --profile native --package prerender -- --editor dist
	node scripts/compress.mjs dist

## The release build as an app would embed it (EMBEDDING.md): under a sub-path, with one
## iframe host allowed (an address only the browser tests answer). The tests serve it from a
## web host and as an app's packaged files.
build-embed: setup
	EMBED_ORIGINS="http://localhost:4180" SITE_URL="http://127.0.0.1:4175/election-center/" trunk build --release --offline --public-url /election-center/ --dist target/dist-embed
	node scripts/compress.mjs target/dist-embed

## The release build of a second deployment: another identity (README → Your own identity),
## the test one with every field set (crates/content-cli/tests/fixtures/identity/), which
## identity.spec.mjs checks on every kind of page; and the content plus a video in a
## partner's player (tests/content-overlay/), whose host the build's CSP lets in
## (player.spec.mjs). Only what the identity gives changes: the wasm is the default build's.
IDENTITY_FIXTURE := crates/content-cli/tests/fixtures/identity/site.toml
build-identity: setup
	rm -rf target/identity-content && cp -r content target/identity-content && cp -r tests/content-overlay/. target/identity-content/
	CONTENT_DIR=target/identity-content SITE_TOML=$(IDENTITY_FIXTURE) SITE_URL="http://127.0.0.1:4177/" trunk build --release --offline --dist target/dist-identity
	node scripts/compress.mjs target/dist-identity

## Serve the release build the way a production host would.
serve-release: build
	node tests/e2e/serve.mjs dist $(PORT)

check-content:
	cargo run --quiet --locked -p content-cli -- check content
	cargo run --quiet --locked -p content-cli -- i18n i18n
	cargo run --quiet --locked -p content-cli -- site

## What content CI runs: pages due for review (CONTENT.md → Review dates) are errors too.
check-content-strict:
	cargo run --quiet --locked -p content-cli -- check --strict content

## The content alone, built as the site serves it (manifests, page bodies as HTML, calendars,
## feeds) into target/content/: no app, no Trunk, a few seconds (CONTENT.md → Build the
## content alone).
build-content:
	cargo run --quiet --locked -p content-cli -- build content --out target/content

## Every address of another site that content/ links to, asked whether it still answers
## (CONTENT.md → Checking links). Needs the internet, so it is not part of `test`: run it by
## hand or on a schedule. Writes target/links-report.json; fails on a broken link, and on a
## warning too with LINKS_FLAGS=--strict.
LINKS_FLAGS ?=
links:
	cargo run --quiet --locked -p content-cli -- links content --report target/links-report.json $(LINKS_FLAGS)

test-rust:
	cargo test --locked -p content -p content-cli -p election-center -p prerender -p search

## A long property-based fuzzing run of everything that reads untrusted input (content, the
## bridge's messages), from a fresh seed; `make test-rust` runs a short fixed-seed pass of it.
## A failure is saved, shrunk, in a *.proptest-regressions file and replayed on every run:
## commit it with the fix. A debug build: the release profile is the wasm's (opt-level z, LTO,
## panic=abort), slow to build for a test run.
FUZZ_CASES ?= 20000
fuzz:
	FUZZ_CASES=$(FUZZ_CASES) cargo test --locked -p content-cli --test fuzz
	FUZZ_CASES=$(FUZZ_CASES) cargo test --locked -p election-center --lib protocol::tests::fuzz

## Formatting and clippy, for the native crates and the wasm app; warnings fail.
lint:
	cargo fmt --all --check
	node scripts/hosting.mjs --committed --check
	cargo clippy --locked -q -p content -p content-cli -p prerender -p election-center -p search --all-targets -- -D warnings
	cargo clippy --locked -q --target wasm32-unknown-unknown -p election-center -- -D warnings
	cargo clippy --locked -q --target wasm32-unknown-unknown -p election-center --features preview -- -D warnings
	cargo clippy --locked -q --target wasm32-unknown-unknown -p editor -- -D warnings
	cargo clippy --locked -q --target wasm32-unknown-unknown -p search -- -D warnings

size:
	node scripts/size-report.mjs dist

## Timings of the content pipeline (not part of the tests: timings are reports, not pass/fail),
## then the build at the scale of an EU-wide election (bench-scale).
bench:
	scripts/bench.sh
	scripts/bench-scale.sh

## The build at EU scale (scripts/bench-scale.sh): a generated tree of the 27 member states in
## their languages (scripts/eu-corpus.mjs), and 1×, 4×, 16× the real content: check, build,
## pre-rendering and compression with each stage's time, CPU and peak memory; the same pages
## built by Hugo, per-page costs side by side; the output's size per country. About 10 minutes.
bench-scale:
	scripts/bench-scale.sh

## The performance report (scripts/perf-report.mjs, reports/performance.md): Lighthouse
## mobile on pre-rendered pages next to the same pages as plain HTML, the app's start on a
## throttled phone, repeat and offline visits. A report, not a test (about 30 minutes).
perf-report: build
	node scripts/perf-report.mjs dist

## Search (issue #20): query latency natively and in Chromium over the real content's
## indexes and a synthetic country of 500 pages in each of three languages, index writing
## and loading times, and sizes (not part of the tests: a report). Needs `make build` first
## (the search wasm, and dist/content/ for the real indexes).
bench-search:
	cargo run --quiet --locked --release --package search --example search_bench -- dist/content target/bench-search
	@for f in target/bench-search/synthetic/*.txt; do printf 'synthetic index %s: %s bytes, %s brotli\n' "$$f" "$$(wc -c < $$f)" "$$(brotli -c $$f | wc -c)"; done
	node scripts/bench-search.mjs dist target/bench-search


## The browser walks of every route in every interface language (make e2e walks a sample).
e2e-languages:
	E2E_LANGUAGES=all $(MAKE) e2e

## The browser tests about what a host does (routes, not-found, sub-path, headers,
## pre-compressed files, caching) against Debian's nginx on the generated configuration
## (HOSTING.md), instead of the reference server. Installs nginx if missing.
e2e-nginx:
	E2E_SERVER=nginx npx playwright test --config tests/e2e/playwright.config.mjs

## Axe and reflow on every route in all 27 interface languages, light and dark (make e2e
## walks en, fr, ro, hu and ar): a report of its own, about half an hour. Build first.
a11y-report:
	A11Y_LANGUAGES=all npx playwright test --config tests/e2e/playwright.config.mjs a11y-routes

e2e:
	# On a fixed date, a year after the fixture's reviews: its pages are due for review.
	BUILD_DATE=2026-01-20 cargo run --quiet --locked -p content-cli -- build crates/content-cli/tests/fixtures/valid --out target/fixture-content
	npx playwright test --config tests/e2e/playwright.config.mjs

## Everything CI runs: native tests, the content check, the release builds (the site, as
## embedded, with another identity), the size budget and the browser tests.
test: setup test-rust lint check-content build build-embed build-identity size e2e e2e-nginx

## The generated nginx and Caddy configurations (scripts/hosting.mjs), run on 127.0.0.1 and
## checked against the hosting rules and `_headers` (HOSTING.md), for dist/ and the embedding
## build; installs Debian's nginx-light, its brotli module and caddy if missing. Not part of
## `test`; build first (`make build build-embed`), or point it at builds made elsewhere.
HOSTING_DIST ?= dist
HOSTING_EMBED ?= target/dist-embed
hosting-check:
	scripts/hosting-check.sh $(HOSTING_DIST) "$(HOSTING_EMBED)"

## The Dockerfile's image (Debian's nginx with hosting/nginx.conf and dist/), built and run
## with podman or docker on 127.0.0.1 and given hosting-check's checks. Not part of `test`
## (CI has no container runtime); needs one that can get debian:bookworm-slim. Build first.
container-check:
	scripts/container-check.sh

## Supply-chain report (not part of `make test`): licences, duplicate versions and sources
## of every Rust dependency (cargo-deny, deny.toml; advisories need the RustSec database,
## which only `cargo deny check advisories` with network access fetches), and npm's
## advisories for the test tools.
audit: setup
	@command -v cargo-deny >/dev/null || (cd / && cargo install cargo-deny --locked)
	cargo deny --locked check licenses bans sources
	@out=$$(npm audit 2>&1); status=$$?; echo "$$out"; \
	  if echo "$$out" | grep -q "audit endpoint returned an error"; then \
	    echo "npm audit: the registry's advisory endpoint does not answer here; run it where it does"; \
	  else exit $$status; fi
