/* The shipped rule of rules/sqlite3.json ("sqlite3_str_vappendf":
   { "format": [1, "z"] }) on SQLite's own shape: sqlite3ErrorMsg ->
   sqlite3VMPrintf -> sqlite3_str_vappendf, whose "%z" adopts its
   argument as the accumulator's buffer and whose "%s" only reads it
   (sqlite3UpsertAnalyzeTarget's zWhich was a false escape-kept). */
#include <stdarg.h>
#include <string.h>

typedef struct sqlite3_str { char *zText; int nChar; } sqlite3_str;
typedef struct Parse { char *zErrMsg; int nErr; } Parse;

__attribute__((noinline)) void sqlite3_str_vappendf(sqlite3_str *p,
						    const char *fmt, va_list ap)
{
	for (; *fmt; fmt++) {
		if (*fmt != '%') {
			p->nChar++;
			continue;
		}
		char *z = va_arg(ap, char *);
		if (*++fmt == 'z' && p->nChar == 0)
			p->zText = z; /* mprintf("%z...") extends its argument */
		else
			p->nChar += (int)strlen(z);
	}
}

__attribute__((noinline)) char *sqlite3VMPrintf(const char *fmt, va_list ap)
{
	sqlite3_str acc = { 0, 0 };
	sqlite3_str_vappendf(&acc, fmt, ap);
	return acc.zText;
}

__attribute__((noinline)) void sqlite3ErrorMsg(Parse *p, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	p->zErrMsg = sqlite3VMPrintf(fmt, ap);
	va_end(ap);
	p->nErr++;
}

void upsertAnalyzeTarget(Parse *p, int iCursor)
{
	char zWhich[16];
	memcpy(zWhich, iCursor ? "PRIMARY KEY" : "UNIQUE", 12);
	sqlite3ErrorMsg(p, "%sON CONFLICT clause does not match any "
			"PRIMARY KEY or UNIQUE constraint", zWhich); // fact "warning upsertAnalyzeTarget zWhich clean"
}

/* still warned: the adopted one */
void adopt(Parse *p)
{
	char zBuf[16] = "x";
	sqlite3ErrorMsg(p, "%z", zBuf); // dangle "escape-kept" fact "warning adopt zBuf dangles"
}
