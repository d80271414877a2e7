/*
 * hsdis for JDK 17+ on top of Debian's libhsdis0-fcml, which only exports the old entry point
 * decode_instructions(start, end, ...). The JDK asks for decode_instructions_virtual(start_va,
 * end_va, buffer, length, ...); for code it disassembles in place, buffer is start_va, so the
 * old call on the same range is equivalent. Built by scripts/hsdis.
 */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>

typedef void *(*event_callback)(void *, const char *, void *);
typedef int (*printf_callback)(void *, const char *, ...);
typedef void *(*decode_fn)(void *, void *, event_callback, void *, printf_callback, void *, const char *);

void *decode_instructions_virtual(uintptr_t start_va, uintptr_t end_va, unsigned char *buffer, uintptr_t length,
                                  event_callback event, void *event_stream, printf_callback print, void *print_stream,
                                  const char *options, int newline) {
    static decode_fn decode;
    (void) buffer; (void) length; (void) newline;
    if (decode == NULL) {
        void *fcml = dlopen("libhsdis.so.0", RTLD_NOW);
        decode = fcml == NULL ? NULL : (decode_fn) dlsym(fcml, "decode_instructions");
        if (decode == NULL) {
            fprintf(stderr, "hsdis shim: libhsdis.so.0 (Debian package libhsdis0-fcml) not found\n");
            return NULL;
        }
    }
    return decode((void *) start_va, (void *) end_va, event, event_stream, print, print_stream, options);
}
