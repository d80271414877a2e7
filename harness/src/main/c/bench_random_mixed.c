/*
 * bench_random_mixed: the random_mixed loop of shared/design/WORKLOAD.md in C, the native twin of
 * hakbench's Java loop (org.hakbench.workload.RandomMixed), to measure how much the JVM harness
 * costs: compare `hakbench rebase --allocators null` with `bench_random_mixed ... null`.
 *
 *   build: gcc -O2 -o harness/target/bench_random_mixed harness/src/main/c/bench_random_mixed.c
 *          (or scripts/bench-c, which builds and runs it)
 *   run:   bench_random_mixed [iters=20000000] [ws=400] [seed=42] [malloc|null] [warmup=2000000]
 *          LD_PRELOAD=/usr/lib/x86_64-linux-gnu/libmimalloc.so.2 bench_random_mixed ... malloc
 *
 * Output, one line: "Throughput = N ops/s [iter=... ws=... seed=... alloc=...] time=S s cpu_throughput=M ops/s"
 * (cpu_throughput: per CPU second of the loop thread, steadier on a busy machine).
 * Like the Java child, an untimed warm-up of the same loop (same seed, then freed) runs first.
 *
 * hakbench's native rows (`rebase --allocators native:mimalloc,...`) run it with two more arguments:
 *   bench_random_mixed ITERS WS SEED malloc|null WARMUP NAME [mark]
 * and read one JSON line shaped as a Java child's RebaseRunResult: the same figures, plus the file that
 * malloc resolved to (dladdr), so a preload that did not take is caught, and with "mark" a getppid()
 * call on each side of the timed loop for strace's syscall count, as the Java child makes.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <signal.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

#define NULL_REGION_BYTES ((1u << 20) + 2048u)

static int use_null;
static unsigned char *null_base;
static uint64_t null_calls;
static uint64_t malloc_calls;
static uint64_t free_calls;

/* Inlinable, as the JIT inlines the Java adapter (monomorphic call site): C gets its best code. */
static inline void *bench_malloc(size_t size) {
    if (use_null) {
        return null_base + ((null_calls++ & 0xFFFF) << 4);
    }
    return malloc(size);
}

static inline void bench_free(void *p) {
    if (!use_null) {
        free(p);
    }
}

static void run(void **slots, uint32_t ws, uint64_t seed, uint64_t iters) {
    uint64_t s = seed == 0 ? 1 : seed;
    for (uint64_t i = 0; i < iters; i++) {
        s ^= s >> 12;
        s ^= s << 25;
        s ^= s >> 27;
        uint64_t r = s * 0x2545F4914F6CDD1DULL;
        uint32_t idx = (uint32_t) (r >> 32) % ws;   /* 32-bit unsigned modulo, as the Java loop */
        if (slots[idx] != NULL) {
            bench_free(slots[idx]);
            slots[idx] = NULL;
            free_calls++;
        } else {
            size_t size = 16 + (r & 0xFFFF) % 1009;
            unsigned char *p = bench_malloc(size);
            if (p == NULL) {
                fprintf(stderr, "malloc(%zu) returned NULL at iteration %llu\n", size, (unsigned long long) i);
                exit(1);
            }
            p[0] = (unsigned char) i;
            p[size - 1] = (unsigned char) i;
            slots[idx] = p;
            malloc_calls++;
        }
    }
}

static void free_all(void **slots, uint64_t ws) {
    for (uint64_t i = 0; i < ws; i++) {
        if (slots[i] != NULL) {
            bench_free(slots[i]);
            slots[i] = NULL;
        }
    }
}

/* VmRSS or VmHWM of this process in KiB, from /proc/self/status; -1 when unreadable. */
static long status_kib(const char *field) {
    FILE *f = fopen("/proc/self/status", "r");
    char line[256];
    long value = -1;
    size_t n = strlen(field);
    if (f == NULL) {
        return -1;
    }
    while (fgets(line, sizeof line, f) != NULL) {
        if (strncmp(line, field, n) == 0) {
            value = strtol(line + n, NULL, 10);
            break;
        }
    }
    fclose(f);
    return value;
}

static long long nanos_between(struct timespec a, struct timespec b) {
    return (long long) (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
}

int main(int argc, char **argv) {
    uint64_t iters = argc > 1 ? strtoull(argv[1], NULL, 10) : 20000000ULL;
    uint64_t ws = argc > 2 ? strtoull(argv[2], NULL, 10) : 400;
    uint64_t seed = argc > 3 ? strtoull(argv[3], NULL, 10) : 42;
    const char *mode = argc > 4 ? argv[4] : "malloc";
    uint64_t warmup = argc > 5 ? strtoull(argv[5], NULL, 10) : 2000000ULL;
    if (ws == 0 || ws > UINT32_MAX || iters == 0 || (strcmp(mode, "null") != 0 && strcmp(mode, "malloc") != 0)) {
        fprintf(stderr, "usage: %s [iters>0] [ws>0] [seed] [malloc|null] [warmup]\n", argv[0]);
        return 2;
    }
    use_null = strcmp(mode, "null") == 0;
    if (use_null) {
        null_base = malloc(NULL_REGION_BYTES);
        memset(null_base, 0x5A, NULL_REGION_BYTES);   /* pre-touched, as the Java null allocator */
    }
    const char *json_name = argc > 6 ? argv[6] : NULL;
    if (json_name != NULL) {
        /* run by hakbench: end with it, never run on as an orphan */
        pid_t parent = getppid();
        prctl(PR_SET_PDEATHSIG, SIGKILL);
        if (getppid() != parent) {
            return 1;
        }
    }
    int mark = argc > 7 && strcmp(argv[7], "mark") == 0;
    void **slots = calloc(ws, sizeof(void *));
    struct timespec w0, w1;
    clock_gettime(CLOCK_MONOTONIC, &w0);
    run(slots, (uint32_t) ws, seed, warmup);
    free_all(slots, ws);
    clock_gettime(CLOCK_MONOTONIC, &w1);
    malloc_calls = 0;
    free_calls = 0;
    long rss_before = status_kib("VmRSS:");

    struct timespec t0, t1, c0, c1;
    if (mark) {
        (void) getppid();
    }
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c0);
    clock_gettime(CLOCK_MONOTONIC, &t0);
    run(slots, (uint32_t) ws, seed, iters);
    clock_gettime(CLOCK_MONOTONIC, &t1);
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &c1);
    if (mark) {
        (void) getppid();
    }
    long peak = status_kib("VmHWM:");
    free_all(slots, ws);
    double seconds = (double) (t1.tv_sec - t0.tv_sec) + (double) (t1.tv_nsec - t0.tv_nsec) / 1e9;
    double cpu_seconds = (double) (c1.tv_sec - c0.tv_sec) + (double) (c1.tv_nsec - c0.tv_nsec) / 1e9;
    if (json_name != NULL) {
        /* the global definition of malloc (preloads first), which the loop's calls bound to */
        Dl_info info;
        void *sym = dlsym(RTLD_DEFAULT, "malloc");
        const char *lib = sym != NULL && dladdr(sym, &info) != 0 && info.dli_fname != NULL ? info.dli_fname : "unknown";
        printf("{\"allocator\":\"%s\",\"implementation\":\"C twin bench_random_mixed.c (gcc -O2): %s; malloc resolves to %s\","
               "\"effectiveConfig\":{},\"iters\":%llu,\"warmupIters\":%llu,\"warmupNanos\":%lld,\"elapsedNanos\":%lld,"
               "\"opsPerSec\":%.1f,\"loopCpuNanos\":%lld,\"opsPerCpuSec\":%.1f,\"mallocCalls\":%llu,\"freeCalls\":%llu,"
               "\"rssBeforeLoopKiB\":%ld,\"peakRssKiB\":%ld,\"osCalls\":{\"mmap\":-1,\"munmap\":-1,\"madvise\":-1,"
               "\"brk\":-1,\"mremap\":-1,\"source\":\"not counted by the C twin\"},\"jvmUptimeAtLoopMillis\":0,"
               "\"processCpuAtLoopMillis\":0}\n",
               json_name, use_null ? "null bump pointer, free a no-op" : "malloc/free", lib,
               (unsigned long long) iters, (unsigned long long) warmup, nanos_between(w0, w1), nanos_between(t0, t1),
               (double) iters / seconds, nanos_between(c0, c1), (double) iters / cpu_seconds,
               (unsigned long long) malloc_calls, (unsigned long long) free_calls, rss_before, peak);
        return 0;
    }
    printf("Throughput = %.0f ops/s [iter=%llu ws=%llu seed=%llu alloc=%s] time=%.3f s cpu_throughput=%.0f ops/s\n",
           (double) iters / seconds, (unsigned long long) iters, (unsigned long long) ws, (unsigned long long) seed, mode,
           seconds, (double) iters / cpu_seconds);
    return 0;
}
