/* examples/whole: one program in many files, for the link step
   (escape-report links the reports of a build: docs/escape-report.md). */
#ifndef NODE_H
#define NODE_H
struct node {
	struct node *next;
	int v;
};
struct list {
	struct node *head;
};
struct box {
	struct node *n;
};
typedef void (*visit_fn)(struct node *, void *);

extern struct list g_pending;
extern struct node *g_last;

void walk(struct node *list, visit_fn fn, void *ctx);     /* walker.c */
void list_push(struct list *l, struct node *n);          /* list.c */
char *skip_ws(char *s);                                  /* text.c */
void read_line(char *buf, int n);                        /* text.c */
void visit_a(struct node *n, int depth);                 /* rec_a.c */
void visit_b(struct node *n, int depth);                 /* rec_b.c */
int count_a(struct node *n);                             /* rec_a.c */
int count_b(struct node *n);                             /* rec_b.c */
void remember(struct node *n);                           /* keep.c */
void keep_box(struct box *b);                            /* keep.c */
void touch(void);                                        /* quiet.c */
void scribble(struct node *n);                           /* writer.c */
void wrap_keep(struct node *n);                          /* wrap.c */
void wrap_write(struct node *n);                         /* wrap.c */
#endif
