// toml++'s implementation, compiled once for the fuzz build from Debian's
// headers (instead of linking libtomlplusplus.so), so that it is sanitized,
// instrumented for coverage and keeps its assertions.
#define TOML_IMPLEMENTATION
#include <toml++/toml.h>
