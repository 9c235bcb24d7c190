# escape - Go's escape analysis for C, as a GCC plugin.
#
#   make              build plugin/escape.so (installs missing build
#                     dependencies first when run as root)
#   make check        every test: unit tests of the core, then the plugin
#                     on testsuite/cases at -O0 and -O2
#   make demo         the plugin on examples/demo.c: notes and JSON
#   make install      plugin and rules into GCC's plugin directory, so that
#                     `gcc -fplugin=escape` finds them, and the noescape
#                     header into $(PREFIX)/include; override with
#                     PLUGINDIR=... (then gcc -iplugindir=DIR -fplugin=escape),
#                     PREFIX=... and DESTDIR=... for staging
#
# CC must be the GCC the plugin will run in: its version and plugin
# headers are taken from it.

CC = gcc
CXX = g++
GCC_PLUGIN_DIR := $(shell $(CC) -print-file-name=plugin)
PLUGINDIR ?= $(GCC_PLUGIN_DIR)
PREFIX ?= /usr/local

CFLAGS = -std=c99 -O2 -g -Wall -Wextra -fPIC
CXXFLAGS = -std=gnu++17 -O2 -g -Wall -fPIC -fno-rtti -fno-exceptions \
	-I$(GCC_PLUGIN_DIR)/include
LDLIBS = -ljansson

# The C99 core (unit-tested without GCC) and the GCC adapter.
CORE = util graph pointsto solve summary findings rules report
ADAPTER = plugin build call dangle notes
CORE_OBJS = $(CORE:%=build/%.o)
ADAPTER_OBJS = $(ADAPTER:%=build/%.o)
UNIT_TESTS = $(patsubst testsuite/unit/%.c,build/%,$(wildcard testsuite/unit/test_*.c))

all: plugin/escape.so

deps:
	@scripts/deps.sh $(CC)

build/%.o: plugin/%.c plugin/escape.h plugin/graph.h plugin/util.h | deps
	@mkdir -p build
	$(CC) $(CFLAGS) -c -o $@ $<

build/%.o: plugin/%.cc plugin/adapter.h plugin/escape.h | deps
	@mkdir -p build
	$(CXX) $(CXXFLAGS) -c -o $@ $<

plugin/escape.so: $(CORE_OBJS) $(ADAPTER_OBJS)
	$(CXX) -shared -o $@ $^ $(LDLIBS)

build/test_%: testsuite/unit/test_%.c $(CORE_OBJS) testsuite/unit/unit.h
	$(CC) -std=c99 -g -Wall -Wextra -DHAVE_GRAPH -Iplugin -Itestsuite/unit \
		-o $@ $< $(CORE_OBJS) $(LDLIBS)

check: all $(UNIT_TESTS)
	@scripts/deps.sh --test $(CC)
	@scripts/check.sh $(UNIT_TESTS)

demo: all
	@scripts/demo.sh

install: all
	install -d $(DESTDIR)$(PLUGINDIR)/escape-rules
	install -m 0644 plugin/escape.so $(DESTDIR)$(PLUGINDIR)/escape.so
	install -m 0644 rules/*.json $(DESTDIR)$(PLUGINDIR)/escape-rules/
	install -d $(DESTDIR)$(PREFIX)/include
	install -m 0644 include/escape-noescape.h $(DESTDIR)$(PREFIX)/include/

uninstall:
	rm -f $(DESTDIR)$(PLUGINDIR)/escape.so
	rm -rf $(DESTDIR)$(PLUGINDIR)/escape-rules
	rm -f $(DESTDIR)$(PREFIX)/include/escape-noescape.h

clean:
	rm -rf build plugin/escape.so

.PHONY: all deps check demo install uninstall clean
