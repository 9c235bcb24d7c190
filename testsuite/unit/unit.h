/*
 * unit.h - the smallest test framework that does the job.
 *
 *   TEST(name) { CHECK(expr); CHECK_EQ_INT(a, b); CHECK_STR(a, b); }
 *   int main(void) { RUN(name); ...; return unit_done(); }
 *
 * unit_done() prints "N passed, N failed" (one per TEST) and returns the
 * exit status.
 */
#ifndef UNIT_H
#define UNIT_H
#include <stdio.h>
#include <string.h>

static int unit_passed, unit_failed, unit_cur_failed;
static const char *unit_cur;

#define TEST(name) static void test_##name(void)
#define RUN(name)                                                         \
	do {                                                              \
		unit_cur = #name;                                         \
		unit_cur_failed = 0;                                      \
		test_##name();                                            \
		if (unit_cur_failed)                                      \
			unit_failed++;                                    \
		else                                                      \
			unit_passed++;                                    \
	} while (0)
#define CHECK(expr)                                                       \
	do {                                                              \
		if (!(expr)) {                                            \
			printf("FAIL %s: %s:%d: %s\n", unit_cur, __FILE__, \
			       __LINE__, #expr);                          \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)
#define CHECK_EQ_INT(a, b)                                                \
	do {                                                              \
		long unit_a = (long)(a), unit_b = (long)(b);              \
		if (unit_a != unit_b) {                                   \
			printf("FAIL %s: %s:%d: %s == %ld, expected %ld\n", \
			       unit_cur, __FILE__, __LINE__, #a, unit_a,  \
			       unit_b);                                   \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)
#define CHECK_STR(a, b)                                                   \
	do {                                                              \
		const char *unit_a = (a), *unit_b = (b);                  \
		if (!unit_a || !unit_b || strcmp(unit_a, unit_b)) {       \
			printf("FAIL %s: %s:%d: %s == \"%s\", expected \"%s\"\n", \
			       unit_cur, __FILE__, __LINE__, #a,          \
			       unit_a ? unit_a : "(null)",                \
			       unit_b ? unit_b : "(null)");               \
			unit_cur_failed = 1;                              \
		}                                                         \
	} while (0)

static int unit_done(void)
{
	printf("%d passed, %d failed\n", unit_passed, unit_failed);
	return unit_failed ? 1 : 0;
}
#endif
