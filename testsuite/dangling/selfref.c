/* A struct that points into itself: a buffer whose pointer starts at its
   own inline space (SQLite's JsonString and StrAccum), a list head whose
   links point at the head.  The analysis mixes an object's fields, so a
   callee that hands on some other field (b->ctx) seemed to keep the
   object itself: no warning rests on that.  Copies of the object (return,
   *out = b) and direct loads of the self-pointer still carry its address. */
struct buf { char *z; unsigned n, used; void *ctx; char space[32]; };
struct list { struct list *next, *prev; void *owner; };

void ext_nomem(void *ctx);
void ext_free(void *p);
void ext_result(void *ctx, const char *z, unsigned n);
struct list *g;

static void buf_zero(struct buf *b)
{
	b->z = b->space;
	b->n = sizeof b->space;
	b->used = 0;
}

static void buf_init(struct buf *b, void *ctx)
{
	b->ctx = ctx;
	buf_zero(b);
}

static void buf_reset(struct buf *b)
{
	if (b->z != b->space)
		ext_free(b->z);
	buf_zero(b);
}

static void buf_oom(struct buf *b)
{
	ext_nomem(b->ctx);
	buf_reset(b);
}

static int buf_grow(struct buf *b)
{
	buf_oom(b);
	return 1;
}

static void buf_put(struct buf *b, char c)
{
	if (b->used >= b->n && buf_grow(b))
		return;
	b->z[b->used++] = c;
}

static void buf_result(struct buf *b)
{
	ext_result(b->ctx, b->z, b->used);
	buf_zero(b);
}

void quote(void *ctx, const char *s)
{
	struct buf b;
	buf_init(&b, ctx);
	while (*s)
		buf_put(&b, *s++);
	buf_result(&b);
}

static void list_init(struct list *h, void *owner)
{
	h->next = h;
	h->prev = h;
	h->owner = owner;
}

static void list_done(struct list *h)
{
	ext_nomem(h->owner);
}

void walk(void *owner)
{
	struct list head;
	list_init(&head, owner);
	list_done(&head);
}

/* still warned: the object's own copies and direct loads */
struct buf make(void)
{
	struct buf b;
	buf_init(&b, 0);
	return b; // dangle "escape-return"
}

void out(struct buf *o)
{
	struct buf b;
	buf_init(&b, 0);
	*o = b; // dangle "escape-caller"
}

void first(void)
{
	struct list head;
	list_init(&head, 0);
	g = head.next; // dangle "escape-global"
}
