/* ci.h - the small program of testsuite/ci/meson */
int start_worker(int n);
const char *current_name(void);
void name_scratch(void);
