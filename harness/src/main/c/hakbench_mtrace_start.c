/*
 * hakbench_mtrace_start: preloaded after glibc's libc_malloc_debug.so.0 by `hakbench record`, it calls
 * mtrace() before main, so every malloc/free/realloc of the program goes to $MALLOC_TRACE in glibc's
 * mtrace format. Built by hakbench with gcc -shared -fPIC -O2 into harness/target/.
 */
#include <mcheck.h>

__attribute__((constructor)) static void hakbench_mtrace_start(void) {
    mtrace();
}
