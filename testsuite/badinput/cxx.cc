// C++ given to g++ with the plugin: it analyses C only, says so once, and
// changes nothing.
int *g;
void f() { int x; g = &x; }
template <class T> T id(T t) { return t; }
int main() { f(); return id(0); }
