/*
 * bench_scale: the C twins of hakbench's multi-threaded workloads larson and xmalloc
 * (docs/workloads/larson.md, docs/workloads/xmalloc.md), step for step as the Java loops in
 * org.hakbench.workload, so `hakbench scale --allocators native:mimalloc,...` runs a competitor with
 * no JVM in the process: same seeds, sizes, writes into each block, hand-overs and queue.
 *
 *   bench_scale WORKLOAD THREADS ITERS DURATION_MS WARMUP_ITERS SEED malloc|null NAME [key=value ...]
 *     WORKLOAD larson | xmalloc; exactly one of ITERS and DURATION_MS is non-zero
 *     larson keys: ws minSize maxSize generationSteps; xmalloc keys: objectSize batchSize queueLimit
 *
 * Output, one JSON line shaped as the Java child's ScaleRunResult (ops/s, worker CPU time, per-worker
 * calls, threads started, peak RSS), with the file malloc resolved to (dladdr), so a preload that did
 * not take is caught. Built by hakbench with gcc -O2 -pthread into harness/target/.
 */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <time.h>
#include <unistd.h>

/* ---- the generator of WORKLOAD.md and docs/workloads/README.md (org.hakbench.workload.Xorshift) ---- */

static uint64_t thread_state(uint64_t seed, int thread) {
    uint64_t z = seed + (uint64_t) (int64_t) thread * 0x9E3779B97F4A7C15ULL;
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    z ^= z >> 31;
    return z == 0 ? 1 : z;
}

static inline uint64_t step(uint64_t x) {
    x ^= x >> 12;
    x ^= x << 25;
    x ^= x >> 27;
    return x;
}

static inline uint64_t output(uint64_t s) { return s * 0x2545F4914F6CDD1DULL; }
static inline uint32_t slot_of(uint64_t r, uint32_t n) { return (uint32_t) ((r >> 32) % n); }
static inline uint64_t size_of(uint64_t r, uint64_t min, uint64_t max) { return min + (r & 0xFFFF) % (max - min + 1); }

/* ---- the allocator: malloc/free, or the null bump pointer shared by all threads (as the Java null) ---- */

static int use_null;
static unsigned char *null_base;
static uint64_t null_calls;   /* racy on purpose, like the Java null allocator's counter */

static inline unsigned char *bench_malloc(size_t size) {
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

static unsigned char *check_block(unsigned char *p, size_t size) {
    if (p == NULL) {
        fprintf(stderr, "malloc(%zu) returned NULL (out of memory)\n", size);
        exit(1);
    }
    return p;
}

/* ---- the timed phase (org.hakbench.workload.TimedPhase) ---- */

static pthread_mutex_t phase_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t phase_cond = PTHREAD_COND_INITIALIZER;
static int phase_parties;      /* workers + the main thread */
static int phase_arrived;
static int phase_open;
static int phase_running;      /* workers not finished */
static struct timespec phase_start;
static long long phase_last_finish_ns;
static atomic_int stop_flag;
static atomic_llong cpu_total_ns;
static atomic_llong threads_started;

static long long now_ns(clockid_t clock) {
    struct timespec t;
    clock_gettime(clock, &t);
    return (long long) t.tv_sec * 1000000000LL + t.tv_nsec;
}

static void phase_reset(int workers) {
    phase_parties = workers + 1;
    phase_arrived = 0;
    phase_open = 0;
    phase_running = workers;
    phase_last_finish_ns = 0;
    atomic_store(&stop_flag, 0);
    atomic_store(&cpu_total_ns, 0);
    atomic_store(&threads_started, 0);
}

/* The start barrier: the last party to arrive reads the clock before any is released. */
static void phase_await_start(void) {
    pthread_mutex_lock(&phase_lock);
    if (++phase_arrived == phase_parties) {
        clock_gettime(CLOCK_MONOTONIC, &phase_start);
        phase_open = 1;
        pthread_cond_broadcast(&phase_cond);
    }
    while (!phase_open) {
        pthread_cond_wait(&phase_cond, &phase_lock);
    }
    pthread_mutex_unlock(&phase_lock);
}

/* A worker's end: its finish time (the clock stops at the last one), read by the worker itself. */
static void phase_worker_done(void) {
    long long t = now_ns(CLOCK_MONOTONIC);
    pthread_mutex_lock(&phase_lock);
    if (t > phase_last_finish_ns) {
        phase_last_finish_ns = t;
    }
    if (--phase_running == 0) {
        pthread_cond_broadcast(&phase_cond);
    }
    pthread_mutex_unlock(&phase_lock);
}

static void add_thread_cpu(long long cpu_start) {
    atomic_fetch_add(&cpu_total_ns, now_ns(CLOCK_THREAD_CPUTIME_ID) - cpu_start);
}

/* The main thread's side: opens the barrier, raises stop after the duration, waits for every worker. */
static long long phase_run_main(long long duration_ms) {
    phase_await_start();
    pthread_mutex_lock(&phase_lock);
    if (duration_ms > 0) {
        struct timespec deadline;
        clock_gettime(CLOCK_REALTIME, &deadline);
        long long ns = deadline.tv_nsec + (duration_ms % 1000) * 1000000LL;
        deadline.tv_sec += duration_ms / 1000 + ns / 1000000000LL;
        deadline.tv_nsec = ns % 1000000000LL;
        while (phase_running > 0) {
            if (pthread_cond_timedwait(&phase_cond, &phase_lock, &deadline) == ETIMEDOUT) {
                break;
            }
        }
        atomic_store(&stop_flag, 1);
    }
    while (phase_running > 0) {
        pthread_cond_wait(&phase_cond, &phase_lock);
    }
    long long start = (long long) phase_start.tv_sec * 1000000000LL + phase_start.tv_nsec;
    long long elapsed = phase_last_finish_ns - start;
    pthread_mutex_unlock(&phase_lock);
    return elapsed > 0 ? elapsed : 1;
}

static pthread_t start_thread(void *(*body)(void *), void *arg) {
    pthread_t t;
    if (pthread_create(&t, NULL, body, arg) != 0) {
        fprintf(stderr, "pthread_create failed\n");
        exit(1);
    }
    atomic_fetch_add(&threads_started, 1);
    return t;
}

/* ---- larson (docs/workloads/larson.md, LarsonWorkload.java) ---- */

typedef struct {
    int index;
    uint32_t base;
    uint64_t state;
    uint64_t steps_left;
    uint64_t ops;
} area_t;

static unsigned char **l_blocks;
static uint32_t l_ws;
static uint64_t l_min, l_max, l_generation_steps;

static void *larson_generation(void *arg) {
    area_t *area = arg;
    long long cpu0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    unsigned char **blocks = l_blocks;
    const uint32_t ws = l_ws, base = area->base;
    const uint64_t min = l_min, max = l_max;
    const uint64_t steps = l_generation_steps < area->steps_left ? l_generation_steps : area->steps_left;
    uint64_t s = area->state;
    uint64_t done = 0;
    for (; done < steps; done++) {
        if (atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
            break;
        }
        s = step(s);
        uint64_t r = output(s);
        uint32_t victim = base + slot_of(r, ws);
        bench_free(blocks[victim]);
        blocks[victim] = NULL;
        uint64_t size = size_of(r, min, max);
        unsigned char *p = check_block(bench_malloc(size), size);
        p[0] = 'a';
        p[size - 1] = 'b';
        blocks[victim] = p;
    }
    area->state = s;
    area->steps_left -= done;
    area->ops += 2 * done;
    add_thread_cpu(cpu0);
    return NULL;
}

/* An area's supervisor: one generation thread after another, each joined (the hand-over). */
static void *larson_supervisor(void *arg) {
    area_t *area = arg;
    long long cpu0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    phase_await_start();
    while (area->steps_left > 0 && !atomic_load(&stop_flag)) {
        pthread_t g = start_thread(larson_generation, area);
        pthread_join(g, NULL);
    }
    add_thread_cpu(cpu0);
    phase_worker_done();
    return NULL;
}

static uint64_t larson(int threads, uint64_t iters, long long duration_ms, uint64_t seed, uint64_t *worker_ops,
                       long long *elapsed, long long *started) {
    uint64_t total = (uint64_t) threads * l_ws;
    unsigned char **blocks = calloc(total, sizeof *blocks);
    l_blocks = blocks;
    uint64_t s = thread_state(seed, threads);
    for (uint64_t k = 0; k < total; k++) {   /* untimed initial live set on this thread, then shuffled */
        s = step(s);
        uint64_t size = size_of(output(s), l_min, l_max);
        blocks[k] = check_block(bench_malloc(size), size);
    }
    for (uint64_t k = total - 1; k > 0; k--) {
        s = step(s);
        uint64_t j = (output(s) >> 32) % (k + 1);
        unsigned char *t = blocks[k];
        blocks[k] = blocks[j];
        blocks[j] = t;
    }
    area_t *areas = calloc(threads, sizeof *areas);
    pthread_t *supervisors = calloc(threads, sizeof *supervisors);
    phase_reset(threads);
    for (int a = 0; a < threads; a++) {
        areas[a] = (area_t) {a, (uint32_t) a * l_ws, thread_state(seed, a), iters == 0 ? UINT64_MAX : iters, 0};
        supervisors[a] = start_thread(larson_supervisor, &areas[a]);
    }
    *elapsed = phase_run_main(duration_ms);
    uint64_t ops = 0;
    for (int a = 0; a < threads; a++) {
        pthread_join(supervisors[a], NULL);
        worker_ops[a] = areas[a].ops;
        ops += areas[a].ops;
    }
    *started = atomic_load(&threads_started) - threads;   /* generations only, as the Java workload */
    for (uint64_t k = 0; k < total; k++) {
        bench_free(blocks[k]);
    }
    free(areas);
    free(supervisors);
    free(blocks);
    return ops;
}

/* ---- xmalloc (docs/workloads/xmalloc.md, XmallocWorkload.java) ---- */

static const uint64_t X_SIZES[] = {8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048};
#define X_SIZE_COUNT 17u
#define X_WRITTEN_BYTES 128u
#define X_POLL_NS 200000LL

typedef struct batch {
    struct batch *next;   /* in the empty stack */
    uint32_t count;
    unsigned char *addresses[];
} batch_t;

/* The bounded queue of full batches (ArrayBlockingQueue: one lock, two conditions) and the empty stack. */
static pthread_mutex_t q_lock = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t q_not_empty = PTHREAD_COND_INITIALIZER;
static pthread_cond_t q_not_full = PTHREAD_COND_INITIALIZER;
static batch_t **q_ring;
static uint32_t q_limit, q_head, q_size;
static pthread_mutex_t e_lock = PTHREAD_MUTEX_INITIALIZER;
static batch_t *e_top;
static uint32_t x_batch_size;
static uint64_t x_object_size, x_batches_per_producer, x_total_batches, x_seed;
static atomic_ullong x_consumed;
static batch_t **x_unfinished;    /* per producer: the batch it is filling, until it is queued */
static uint64_t *x_calls;
static int x_pairs;

static void deadline_in(struct timespec *d, long long ns) {
    clock_gettime(CLOCK_REALTIME, d);
    long long t = d->tv_nsec + ns;
    d->tv_sec += t / 1000000000LL;
    d->tv_nsec = t % 1000000000LL;
}

/* Waits while the queue is full, looking at the stop flag every 200 us; 0 when stopped first. */
static int enqueue(batch_t *b) {
    pthread_mutex_lock(&q_lock);
    while (q_size == q_limit) {
        if (atomic_load(&stop_flag)) {
            pthread_mutex_unlock(&q_lock);
            return 0;
        }
        struct timespec d;
        deadline_in(&d, X_POLL_NS);
        pthread_cond_timedwait(&q_not_full, &q_lock, &d);
    }
    q_ring[(q_head + q_size) % q_limit] = b;
    q_size++;
    pthread_cond_signal(&q_not_empty);
    pthread_mutex_unlock(&q_lock);
    return 1;
}

/* A full batch, or NULL after 200 us without one. */
static batch_t *dequeue(void) {
    pthread_mutex_lock(&q_lock);
    if (q_size == 0) {
        struct timespec d;
        deadline_in(&d, X_POLL_NS);
        pthread_cond_timedwait(&q_not_empty, &q_lock, &d);
    }
    batch_t *b = NULL;
    if (q_size > 0) {
        b = q_ring[q_head];
        q_head = (q_head + 1) % q_limit;
        q_size--;
        pthread_cond_signal(&q_not_full);
    }
    pthread_mutex_unlock(&q_lock);
    return b;
}

static void *xmalloc_producer(void *arg) {
    int producer = (int) (intptr_t) arg;
    long long cpu0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    phase_await_start();
    const uint32_t batch_size = x_batch_size;
    const uint64_t object_size = x_object_size;
    uint64_t s = thread_state(x_seed, producer);
    uint64_t mallocs = 0;
    for (uint64_t b = 0; b < x_batches_per_producer && !atomic_load(&stop_flag); b++) {
        pthread_mutex_lock(&e_lock);
        batch_t *batch = e_top;
        if (batch != NULL) {
            e_top = batch->next;
        }
        pthread_mutex_unlock(&e_lock);
        if (batch == NULL) {
            batch = malloc(sizeof(batch_t) + batch_size * sizeof(unsigned char *));   /* the harness's, not timed apart */
        }
        batch->count = 0;
        x_unfinished[producer] = batch;
        for (uint32_t i = 0; i < batch_size; i++) {
            if (atomic_load_explicit(&stop_flag, memory_order_relaxed)) {
                goto done;
            }
            uint64_t size = object_size;
            if (size == 0) {
                s = step(s);
                size = X_SIZES[slot_of(output(s), X_SIZE_COUNT)];
            }
            unsigned char *p = check_block(bench_malloc(size), size);
            memset(p, (int) (i & 0xFF), size < X_WRITTEN_BYTES ? size : X_WRITTEN_BYTES);
            batch->addresses[i] = p;
            batch->count = i + 1;
            mallocs++;
        }
        if (!enqueue(batch)) {
            goto done;
        }
        x_unfinished[producer] = NULL;
    }
done:
    x_calls[producer] = mallocs;
    add_thread_cpu(cpu0);
    phase_worker_done();
    return NULL;
}

static void *xmalloc_consumer(void *arg) {
    int worker = (int) (intptr_t) arg;
    long long cpu0 = now_ns(CLOCK_THREAD_CPUTIME_ID);
    phase_await_start();
    uint64_t frees = 0;
    while (!atomic_load(&stop_flag) && atomic_load(&x_consumed) < x_total_batches) {
        batch_t *batch = dequeue();
        if (batch == NULL) {
            continue;
        }
        for (uint32_t i = 0; i < batch->count; i++) {
            bench_free(batch->addresses[i]);
            batch->addresses[i] = NULL;
        }
        frees += batch->count;
        batch->count = 0;
        atomic_fetch_add(&x_consumed, 1);
        pthread_mutex_lock(&e_lock);
        batch->next = e_top;
        e_top = batch;
        pthread_mutex_unlock(&e_lock);
    }
    x_calls[worker] = frees;
    add_thread_cpu(cpu0);
    phase_worker_done();
    return NULL;
}

static void free_batch_blocks(batch_t *b) {
    for (uint32_t i = 0; i < b->count; i++) {
        bench_free(b->addresses[i]);
    }
    b->count = 0;
}

static uint64_t xmalloc(int pairs, uint64_t iters, long long duration_ms, uint64_t seed, uint64_t *worker_ops,
                        long long *elapsed, long long *started) {
    x_pairs = pairs;
    x_seed = seed;
    x_batches_per_producer = iters == 0 ? UINT64_MAX : (iters + x_batch_size - 1) / x_batch_size;
    x_total_batches = iters == 0 ? UINT64_MAX : x_batches_per_producer * (uint64_t) pairs;
    atomic_store(&x_consumed, 0);
    q_ring = calloc(q_limit, sizeof *q_ring);
    q_head = q_size = 0;
    x_unfinished = calloc(pairs, sizeof *x_unfinished);
    x_calls = calloc(2 * (size_t) pairs, sizeof *x_calls);
    pthread_t *workers = calloc(2 * (size_t) pairs, sizeof *workers);
    phase_reset(2 * pairs);
    for (int w = 0; w < 2 * pairs; w++) {
        workers[w] = start_thread(w < pairs ? xmalloc_producer : xmalloc_consumer, (void *) (intptr_t) w);
    }
    *elapsed = phase_run_main(duration_ms);
    uint64_t frees = 0;
    for (int w = 0; w < 2 * pairs; w++) {
        pthread_join(workers[w], NULL);
        worker_ops[w] = x_calls[w];
        if (w >= pairs) {
            frees += x_calls[w];
        }
    }
    *started = atomic_load(&threads_started);
    /* not timed: the blocks of batches still queued or half built */
    for (; q_size > 0; q_size--, q_head = (q_head + 1) % q_limit) {
        free_batch_blocks(q_ring[q_head]);
        free(q_ring[q_head]);
    }
    for (int p = 0; p < pairs; p++) {
        if (x_unfinished[p] != NULL) {
            free_batch_blocks(x_unfinished[p]);
            free(x_unfinished[p]);
        }
    }
    while (e_top != NULL) {
        batch_t *next = e_top->next;
        free(e_top);
        e_top = next;
    }
    free(q_ring);
    free(x_unfinished);
    free(x_calls);
    free(workers);
    return 2 * frees;
}

/* ---- main ---- */

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

static int parse_u64(const char *text, uint64_t *out) {
    char *end;
    errno = 0;
    unsigned long long v = strtoull(text, &end, 10);
    if (errno != 0 || end == text || *end != '\0' || text[0] == '-') {
        return 0;
    }
    *out = v;
    return 1;
}

static int usage(const char *self, const char *problem) {
    fprintf(stderr, "%s: %s\nusage: %s larson|xmalloc THREADS ITERS DURATION_MS WARMUP_ITERS SEED malloc|null NAME [key=value ...]\n",
            self, problem, self);
    return 2;
}

int main(int argc, char **argv) {
    if (argc < 9) {
        return usage(argv[0], "too few arguments");
    }
    const char *workload = argv[1];
    uint64_t threads, iters, duration_ms, warmup, seed;
    if (!parse_u64(argv[2], &threads) || threads < 1 || threads > 1024 || !parse_u64(argv[3], &iters)
            || !parse_u64(argv[4], &duration_ms) || !parse_u64(argv[5], &warmup) || !parse_u64(argv[6], &seed)
            || (iters == 0) == (duration_ms == 0)) {
        return usage(argv[0], "bad THREADS/ITERS/DURATION_MS/WARMUP_ITERS/SEED (exactly one of ITERS, DURATION_MS > 0)");
    }
    int is_larson = strcmp(workload, "larson") == 0;
    if (!is_larson && strcmp(workload, "xmalloc") != 0) {
        return usage(argv[0], "workload must be larson or xmalloc");
    }
    if (strcmp(argv[7], "null") != 0 && strcmp(argv[7], "malloc") != 0) {
        return usage(argv[0], "allocator must be malloc or null");
    }
    use_null = strcmp(argv[7], "null") == 0;
    const char *name = argv[8];
    uint64_t ws = 5000, min = 8, max = 1000, generation_steps = 500000, object_size = 64, batch_size = 4096, queue_limit = 100;
    for (int i = 9; i < argc; i++) {
        char *eq = strchr(argv[i], '=');
        uint64_t v;
        if (eq == NULL || !parse_u64(eq + 1, &v)) {
            return usage(argv[0], "parameters are key=value with a whole number");
        }
        *eq = '\0';
        uint64_t *target = strcmp(argv[i], "ws") == 0 ? &ws : strcmp(argv[i], "minSize") == 0 ? &min
                : strcmp(argv[i], "maxSize") == 0 ? &max : strcmp(argv[i], "generationSteps") == 0 ? &generation_steps
                : strcmp(argv[i], "objectSize") == 0 ? &object_size : strcmp(argv[i], "batchSize") == 0 ? &batch_size
                : strcmp(argv[i], "queueLimit") == 0 ? &queue_limit : NULL;
        if (target == NULL) {
            fprintf(stderr, "unknown parameter %s\n", argv[i]);
            return 2;
        }
        *target = v;
    }
    if (ws < 1 || ws > UINT32_MAX / threads || min < 1 || max < min || max > (1u << 20) || generation_steps < 1
            || object_size > (1u << 20) || batch_size < 1 || batch_size > (1u << 24) || queue_limit < 1) {
        return usage(argv[0], "a parameter is out of range");
    }
    /* run by hakbench: end with it, never run on as an orphan */
    pid_t parent = getppid();
    prctl(PR_SET_PDEATHSIG, SIGKILL);
    if (getppid() != parent) {
        return 1;
    }
    if (use_null) {
        size_t bytes = (1u << 20) + (is_larson ? max : (object_size > 2048 ? object_size : 2048));
        null_base = malloc(bytes);
        memset(null_base, 0x5A, bytes);   /* pre-touched, as the Java null allocator */
    }
    l_ws = (uint32_t) ws;
    l_min = min;
    l_max = max;
    l_generation_steps = generation_steps;
    x_object_size = object_size;
    x_batch_size = (uint32_t) batch_size;
    q_limit = (uint32_t) queue_limit;

    int workers = is_larson ? (int) threads : 2 * (int) threads;
    uint64_t *worker_ops = calloc(workers, sizeof *worker_ops);
    long long elapsed, started;
    if (warmup > 0) {   /* the untimed warm-up: the same workload, warmup steps per thread */
        if (is_larson) {
            larson((int) threads, warmup, 0, seed, worker_ops, &elapsed, &started);
        } else {
            xmalloc((int) threads, warmup, 0, seed, worker_ops, &elapsed, &started);
        }
    }
    uint64_t ops = is_larson ? larson((int) threads, iters, (long long) duration_ms, seed, worker_ops, &elapsed, &started)
                             : xmalloc((int) threads, iters, (long long) duration_ms, seed, worker_ops, &elapsed, &started);
    long peak = status_kib("VmHWM:");

    Dl_info info;
    void *sym = dlsym(RTLD_DEFAULT, "malloc");
    const char *lib = sym != NULL && dladdr(sym, &info) != 0 && info.dli_fname != NULL ? info.dli_fname : "unknown";
    long long cpu = atomic_load(&cpu_total_ns);
    printf("{\"allocator\":\"%s\",\"implementation\":\"C twin bench_scale.c (gcc -O2 -pthread): %s; malloc resolves to %s\","
           "\"threads\":%llu,\"totalOps\":%llu,\"elapsedNanos\":%lld,\"opsPerSecond\":%.1f,\"cpuNanos\":%lld,\"workerOps\":[",
           name, use_null ? "null bump pointer, free a no-op" : "malloc/free", lib, (unsigned long long) threads,
           (unsigned long long) ops, elapsed, ops * 1e9 / (double) elapsed, cpu);
    for (int w = 0; w < workers; w++) {
        printf("%s%llu", w == 0 ? "" : ",", (unsigned long long) worker_ops[w]);
    }
    printf("],\"threadsStarted\":%lld,\"peakRssKiB\":%ld,\"effectiveConfig\":{}}\n", started, peak);
    free(worker_ops);
    return 0;
}
