/* inventory.c - queries over the shop's flat-file inventory
 * ("sku;name;qty;price" per line). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct item {
	char sku[16];
	char name[64];
	int qty;
	double price;
};

static const struct item *g_last_restock;

static int parse_item(const char *line, struct item *it)
{
	if (sscanf(line, "%15[^;];%63[^;];%d;%lf", it->sku, it->name, &it->qty,
		   &it->price) != 4)
		return -1;
	return 0;
}

/* *found receives the item with that SKU. */
int inventory_find(FILE *db, const char *sku, struct item **found)
{
	char line[256];

	rewind(db);
	while (fgets(line, sizeof line, db)) {
		struct item it;

		if (parse_item(line, &it) < 0)
			continue;
		if (strcmp(it.sku, sku) == 0) {
			*found = &it;
			return 0;
		}
	}
	return -1;
}

/* Prints the items below threshold; the debugger shows the last one. */
int inventory_restock_report(FILE *db, FILE *out, int threshold)
{
	char line[256];
	int n = 0;

	rewind(db);
	while (fgets(line, sizeof line, db)) {
		struct item it;

		if (parse_item(line, &it) < 0)
			continue;
		if (it.qty < threshold) {
			fprintf(out, "restock %s (%s): %d left\n", it.sku, it.name, it.qty);
			g_last_restock = &it;
			n++;
		}
	}
	return n;
}

/* The most valuable stock position, copied into *out. */
int inventory_top_value(FILE *db, struct item *out)
{
	char line[256];
	struct item best;
	const struct item *bestp = NULL;

	rewind(db);
	while (fgets(line, sizeof line, db)) {
		struct item it;

		if (parse_item(line, &it) < 0)
			continue;
		if (!bestp || it.qty * it.price > bestp->qty * bestp->price) {
			best = it;
			bestp = &best;
		}
	}
	if (!bestp)
		return -1;
	*out = *bestp;
	return 0;
}

double inventory_total(FILE *db)
{
	char line[256];
	double total = 0;

	rewind(db);
	while (fgets(line, sizeof line, db)) {
		struct item it;

		if (parse_item(line, &it) == 0)
			total += it.qty * it.price;
	}
	return total;
}
