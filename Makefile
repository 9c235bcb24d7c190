# escape - Go's escape analysis for C, as a GCC plugin.
#
#   make              build plugin/escape.so (installs missing build
#                     dependencies first when run as root)
#   make check        every test: unit tests of the core, then the plugin
#                     on testsuite/cases at -O0 and -O2
#   make check-gcc-all  make check on GCC 13, 14, 15 and 16 too (in a Debian
#                     unstable chroot, made once), their outputs compared
#                     with this GCC's, each plugin loaded into the others
#   make check-deb    the Debian package: built, lintian, installed, used,
#                     removed (changes this machine: CI runs it)
#   make demo         the plugin on examples/demo.c: notes and JSON
#   make blind        the acceptance corpora written blind (issues 2 and 4):
#                     escape verdicts and dangling warnings, scored
#   make torture      GCC's own C test suite with and without the plugin
#   make fuzz         200 csmith programs with and without the plugin
#   make fuzz-rules   libFuzzer on the rules loader (FUZZ_SECONDS=600)
#   make projects     zlib, Lua, SQLite and bash from Debian sources, with
#                     and without the plugin
#   make bench        compile-time cost on sqlite3, lua and zlib, and whole
#                     builds of the projects of scripts/projects.sh
#   make install      plugin and rules into GCC's plugin directory, so that
#                     `gcc -fplugin=escape` finds them, and the noescape
#                     header into $(PREFIX)/include; override with
#                     PLUGINDIR=... (then gcc -iplugindir=DIR -fplugin=escape),
#                     PREFIX=... and DESTDIR=... for staging
#
# CC must be the GCC the plugin will run in: its version and plugin
# headers are taken from it; CXX the g++ of the same release.  CPPFLAGS
# and LDFLAGS (dpkg-buildflags' hardening) are added when set.

CC = gcc
CXX = g++
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)
PLUGINDIR ?= $(GCC_PLUGIN_DIR)
PREFIX ?= /usr/local

CFLAGS = -std=c99 -O2 -g -Wall -Wextra -fPIC -ffunction-sections
CXXFLAGS = -std=gnu++17 -O2 -g -Wall -fPIC -fno-rtti -fno-exceptions -ffunction-sections \
	-I$(GCC_PLUGIN_DIR)/include
LDLIBS = -ljansson

# The C99 core (unit-tested without GCC) and the GCC adapter.
CORE = util graph pointsto solve summary imports findings rules report source dangling effects paths
ADAPTER = plugin build call dangle notes
CORE_OBJS = $(CORE:%=build/%.o)
ADAPTER_OBJS = $(ADAPTER:%=build/%.o)
UNIT_TESTS = $(patsubst testsuite/unit/%.c,build/%,$(wildcard testsuite/unit/test_*.c))

all: plugin/escape.so plugin/escape-rules.idx build/escape-report build/escape-intercept.so

deps:
	@scripts/deps.sh $(CC) $(CXX)

build/%.o: plugin/%.c plugin/escape.h plugin/graph.h plugin/util.h | deps
	@mkdir -p build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The adapter's references to GCC are weak: escape.so loaded into a GCC of
# another series, whose cc1 lacks some of the symbols it was built against,
# still loads, and plugin_init says which GCC it was built for instead of
# dlopen's "undefined symbol".  Its own cc1 exports them all (make
# check-gcc-all checks it), so nothing else changes.
build/%.o: plugin/%.cc plugin/adapter.h plugin/gcc-common.h plugin/escape.h | deps
	@mkdir -p build
	$(CXX) $(CPPFLAGS) $(CXXFLAGS) -c -o $@.tmp $<
	nm -u $@.tmp | awk '{ print $$NF }' >$@.weak
	objcopy --weaken-symbols=$@.weak $@.tmp $@ && rm -f $@.tmp $@.weak

# Linked by $(CC), not $(CXX): the few C++ runtime symbols the adapter
# uses (operator delete) are cc1's own, so dlopen need not load and
# relocate libstdc++ in every compile.  plugin/escape.map exports only
# plugin_init and plugin_is_GPL_compatible: the rest binds inside the
# plugin at link time.  Not linked with Jansson: jansson-lazy.c loads it
# on its first use (-z defs: a Jansson function missing there is a link
# error, not a plugin that fails to load).
# plugin/escape-unit.ld puts the functions every compile runs first, so
# that a small unit pages in fewer 64 KB windows of escape.so's code.
plugin/escape.so: $(CORE_OBJS) $(ADAPTER_OBJS) build/jansson-lazy.o plugin/escape.map \
		plugin/escape-unit.ld
	$(CC) -shared $(LDFLAGS) -Wl,--version-script=plugin/escape.map \
		-Wl,-T,plugin/escape-unit.ld -Wl,-z,defs -o $@.tmp $(CORE_OBJS) $(ADAPTER_OBJS) \
		build/jansson-lazy.o -ldl && mv -f $@.tmp $@

# The index of the shipped rules, beside escape.so: a compile parses only
# the rules it looks up, of files whose bytes are those indexed (rules.c).
plugin/escape-rules.idx: build/rules-index $(wildcard rules/*.json)
	build/rules-index rules $@

build/rules-index: scripts/rules-index.c $(CORE_OBJS)
	$(CC) $(CFLAGS) -Iplugin -o $@ $< $(CORE_OBJS) $(LDLIBS)

# escape-report: a build's JSON reports read together and linked (summary,
# SARIF, LSP diagnostics, baselines, linked summaries), one file per job in
# escape-report/, linked against the core for its words
REPORT = $(patsubst escape-report/%.c,%,$(wildcard escape-report/*.c))
REPORT_OBJS = $(REPORT:%=build/report-%.o)

build/report-%.o: escape-report/%.c escape-report/escape-report.h plugin/escape.h | deps
	@mkdir -p build
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

build/escape-report: $(REPORT_OBJS) $(CORE_OBJS)
	$(CC) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# escape-build's companion: LD_PRELOAD into a build, adds the plugin to
# every C compile (scripts/escape-intercept.c)
build/escape-intercept.so: scripts/escape-intercept.c
	@mkdir -p build
	$(CC) $(CPPFLAGS) -O2 -g -Wall -Wextra -fPIC -shared $(LDFLAGS) -o $@ $< -ldl

build/test_%: testsuite/unit/test_%.c $(CORE_OBJS) testsuite/unit/unit.h
	$(CC) -std=c99 -g -Wall -Wextra -DHAVE_GRAPH -Iplugin -Itestsuite/unit \
		-o $@ $< $(CORE_OBJS) $(LDLIBS)

# the one checker of the tests' expectations (testsuite/lib)
build/expect: testsuite/lib/expect.c | deps
	@mkdir -p build
	$(CC) -std=c99 -O2 -g -Wall -Wextra -o $@ $< $(LDLIBS)

check: all $(UNIT_TESTS) build/expect
	@scripts/deps.sh --test $(CC) $(CXX)
	@scripts/check.sh $(UNIT_TESTS)

check-gcc-all: all
	@scripts/gcc-all.sh

check-deb:
	@scripts/deb-check.sh

demo: all
	@scripts/demo.sh

blind: all
	testsuite/run-realistic.sh testsuite/blind/*.c
	testsuite/blind-dangling/selftest.sh
	testsuite/score-blind-dangling.sh

torture: all
	@scripts/torture.sh

fuzz: all
	@scripts/fuzz.sh

FUZZ_SECONDS ?= 600
fuzz-rules: all
	@scripts/fuzz-rules.sh $(FUZZ_SECONDS)

bench: all
	@scripts/bench.sh

projects: all
	@scripts/projects.sh

install: all
	install -d $(DESTDIR)$(PLUGINDIR)/escape-rules
	install -m 0644 plugin/escape.so $(DESTDIR)$(PLUGINDIR)/escape.so
	install -m 0644 plugin/escape-rules.idx $(DESTDIR)$(PLUGINDIR)/escape-rules.idx
	install -p -m 0644 rules/*.json $(DESTDIR)$(PLUGINDIR)/escape-rules/
	install -d $(DESTDIR)$(PREFIX)/include
	install -m 0644 include/escape-noescape.h $(DESTDIR)$(PREFIX)/include/
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 build/escape-report $(DESTDIR)$(PREFIX)/bin/escape-report
	install -m 0755 scripts/escape-cc $(DESTDIR)$(PREFIX)/bin/escape-cc
	install -m 0755 scripts/escape-build $(DESTDIR)$(PREFIX)/bin/escape-build
	install -d $(DESTDIR)$(PREFIX)/lib/escape
	install -m 0644 build/escape-intercept.so $(DESTDIR)$(PREFIX)/lib/escape/escape-intercept.so

uninstall:
	rm -f $(DESTDIR)$(PLUGINDIR)/escape.so $(DESTDIR)$(PLUGINDIR)/escape-rules.idx
	rm -rf $(DESTDIR)$(PLUGINDIR)/escape-rules
	rm -f $(DESTDIR)$(PREFIX)/include/escape-noescape.h
	rm -f $(DESTDIR)$(PREFIX)/bin/escape-report $(DESTDIR)$(PREFIX)/bin/escape-cc
	rm -f $(DESTDIR)$(PREFIX)/bin/escape-build
	rm -rf $(DESTDIR)$(PREFIX)/lib/escape

clean:
	rm -rf build plugin/escape.so plugin/escape-rules.idx

.PHONY: all deps check check-gcc-all check-deb demo blind torture fuzz fuzz-rules bench projects install \
	uninstall clean
