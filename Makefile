# khabar — the two commands a new user needs:
#   make demo   install what is missing, build, extract, index and search the bundled sample
#               articles, and serve them (khabar serve) for a few seconds
#   make test   install what is missing, build, run every test (plain and ASan+UBSan), fuzz briefly
# Other targets: build, asan, fuzz, bench, quality, screenshots, install, package, format, clean.

BUILD      ?= build
ASAN_BUILD ?= build-asan
FUZZ_BUILD ?= build-fuzz
JOBS       ?= $(shell nproc 2>/dev/null || echo 2)
FUZZ_SECONDS ?= 20
SHARED     ?= ../shared

.PHONY: model all deps deps-test build demo test test-plain asan fuzz fuzz-build bench quality format clean \
	screenshots bench-serve install package

all: build

deps:
	@sh scripts/install-deps.sh

deps-test: deps
	@sh scripts/install-deps.sh test

$(BUILD)/CMakeCache.txt:
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo

build: deps $(BUILD)/CMakeCache.txt
	cmake --build $(BUILD) -j $(JOBS)

demo: build
	@echo "== extract tests/fixtures/seed-article.html (UTF-8 WordPress page)"
	./$(BUILD)/extract tests/fixtures/seed-article.html
	@echo "== extract --jsonl of the windows-1256 copy and a second page"
	./$(BUILD)/extract --jsonl tests/fixtures/seed-article.cp1256.html tests/fixtures/news-table-layout.html
	@echo "== index the sample pages into $(BUILD)/demo-db, then search it"
	rm -rf $(BUILD)/demo-db
	./$(BUILD)/khabar index $(BUILD)/demo-db tests/fixtures/seed-article.html \
		tests/fixtures/news-lead.html tests/fixtures/news-table-layout.html
	@echo "== what did «زارع پور» say? The same three statements however the name is spelled:"
	./$(BUILD)/khabar search $(BUILD)/demo-db 'speaker:«زارع پور»'
	./$(BUILD)/khabar search --jsonl $(BUILD)/demo-db 'speaker:«زارع‌پور»' | wc -l
	./$(BUILD)/khabar search --jsonl $(BUILD)/demo-db 'speaker:«زارعپور»' | wc -l
	@echo "== facts about «سازمان توسعه تجارت», then every percentage from 30 to 40"
	./$(BUILD)/khabar search $(BUILD)/demo-db 'org:«سازمان توسعه تجارت»'
	./$(BUILD)/khabar search $(BUILD)/demo-db 'percent:30..40'
	./$(BUILD)/khabar stats $(BUILD)/demo-db
	@echo "== khabar serve: the web page and the JSON API over the same database, for a few seconds"
	sh scripts/serve-demo.sh ./$(BUILD)/khabar $(BUILD)/demo-db 3

test-plain: deps-test build
	ctest --test-dir $(BUILD) --output-on-failure -j $(JOBS)

asan: deps-test
	cmake -S . -B $(ASAN_BUILD) -DCMAKE_BUILD_TYPE=Debug -DKH_SANITIZE=ON
	cmake --build $(ASAN_BUILD) -j $(JOBS)
	ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		ctest --test-dir $(ASAN_BUILD) --output-on-failure -j $(JOBS)

fuzz-build: deps
	CC=clang CXX=clang++ cmake -S . -B $(FUZZ_BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DKH_FUZZ=ON
	cmake --build $(FUZZ_BUILD) -j $(JOBS) --target fuzz_extract fuzz_percent fuzz_normalize fuzz_dates fuzz_query \
		fuzz_robots fuzz_feed fuzz_params

fuzz: fuzz-build
	mkdir -p $(FUZZ_BUILD)/corpus-extract $(FUZZ_BUILD)/corpus-percent $(FUZZ_BUILD)/corpus-normalize \
		$(FUZZ_BUILD)/corpus-dates $(FUZZ_BUILD)/corpus-query $(FUZZ_BUILD)/corpus-robots \
		$(FUZZ_BUILD)/corpus-feed $(FUZZ_BUILD)/corpus-params
	./$(FUZZ_BUILD)/fuzz/fuzz_extract -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-extract tests/fixtures
	./$(FUZZ_BUILD)/fuzz/fuzz_percent -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-percent tests/fixtures
	./$(FUZZ_BUILD)/fuzz/fuzz_normalize -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-normalize tests/fixtures
	./$(FUZZ_BUILD)/fuzz/fuzz_dates -max_total_time=$(FUZZ_SECONDS) -max_len=4096 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-dates tests/fixtures
	./$(FUZZ_BUILD)/fuzz/fuzz_query -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-query tests/fixtures/query
	./$(FUZZ_BUILD)/fuzz/fuzz_robots -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-robots tests/fixtures/fuzz-crawl
	./$(FUZZ_BUILD)/fuzz/fuzz_feed -max_total_time=$(FUZZ_SECONDS) -max_len=65536 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-feed tests/fixtures/fuzz-crawl
	./$(FUZZ_BUILD)/fuzz/fuzz_params -max_total_time=$(FUZZ_SECONDS) -max_len=8192 -rss_limit_mb=2048 \
		-timeout=10 $(FUZZ_BUILD)/corpus-params tests/fixtures/params

# PNGs of each page of khabar serve (home, search, official, organization, hostile article),
# taken by the browser test in headless Chromium.
screenshots: deps-test build
	python3 tests/serve/browser_test.py ./$(BUILD)/khabar tests/fixtures $(BUILD)/screenshots

test: test-plain asan fuzz
	@echo "make test: all suites passed"

bench: build
	sh bench/run.sh $(BUILD) $(SHARED)
	sh bench/instructions.sh $(BUILD) $(SHARED)

# khabar serve under a bounded loopback load (wrk): 32 connections, 120,000 statements.
bench-serve: build
	sh scripts/install-deps.sh bench
	sh bench/serve.sh $(BUILD) $(SHARED)

quality: build
	sh bench/quality.sh $(BUILD) $(SHARED)
	sh bench/ner.sh $(BUILD) $(SHARED)
	sh bench/ner-cv.sh $(BUILD) $(SHARED) peyma-dev 5 12
	sh bench/stem.sh $(BUILD) $(SHARED)/corpus/peyma-dev 40

# Retrains the entity tagger on a corpus of DOC.txt + gold.jsonl (default: PEYMA dev)
# and compiles it in: `make model CORPUS=path`.
CORPUS ?= $(SHARED)/corpus/peyma-dev
model: build
	./$(BUILD)/ner_train --beam 8 --epochs 20 $(CORPUS) extractor/facts/model/ner.bin
	cmake --build $(BUILD) -j $(JOBS)

# `make install [PREFIX=/usr/local] [DESTDIR=/staging]`: libkhabar.so.0 and libkhabar.a, the headers,
# khabar.pc, khabar and extract, their man pages (cmake/install.cmake). The build is configured
# for PREFIX so that the man pages and khabar.pc name it.
PREFIX ?= /usr/local
install: deps
	cmake -S . -B $(BUILD) -DCMAKE_BUILD_TYPE=RelWithDebInfo -DCMAKE_INSTALL_PREFIX=$(PREFIX)
	cmake --build $(BUILD) -j $(JOBS)
	DESTDIR=$(DESTDIR) cmake --install $(BUILD)
	@if [ -z "$(DESTDIR)" ] && [ "$$(id -u)" -eq 0 ] && command -v ldconfig >/dev/null; then ldconfig; fi

# The Debian packages libkhabar0, libkhabar-dev and khabar (debian/), built from a copy of the
# tracked files in $(BUILD)-deb/ with dpkg-buildpackage, then checked by lintian.
package: deps
	@sh scripts/install-deps.sh package
	sh scripts/package.sh $(BUILD)-deb

format:
	clang-format -i $$(git ls-files '*.c' '*.h' '*.cc')

clean:
	rm -rf $(BUILD) $(ASAN_BUILD) $(FUZZ_BUILD)
