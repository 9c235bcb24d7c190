/* testsuite/link/framestore: a callee of another file that stores one
   argument into the memory another points to, where that other is the
   caller's own local (Lua's lua_load: ZIO z; luaZ_init(L, &z, reader,
   data)).  The value lands in the local: it is kept only as far as what
   the local holds goes. */
struct zio { void *data; int n; };
void zinit(struct zio *z, void *data);
int zfill(struct zio *z);
void zkeep(struct zio *z);
int load(void *data);
int load_kept(void *data);
int load_copied(void *data);
int load_heap(void *data, struct zio *hz);
