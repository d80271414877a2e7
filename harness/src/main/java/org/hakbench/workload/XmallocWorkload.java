package org.hakbench.workload;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.nativeaccess.NativeMemory;

/**
 * docs/workloads/xmalloc.md: workers 0..N-1 produce (only malloc), workers N..2N-1 consume (only free),
 * batches travel through one bounded queue, so every free is remote.
 */
final class XmallocWorkload implements MultiThreadedWorkload {
    /** xmalloc-test's size table, used when objectSize is 0. */
    static final long[] SIZES = {8, 12, 16, 24, 32, 48, 64, 96, 128, 192, 256, 384, 512, 768, 1024, 1536, 2048};
    /** How many leading bytes of an object a producer writes, as xmalloc-test's memset. */
    private static final long WRITTEN_BYTES = 128;
    /** How long a waiting producer or consumer sleeps in the queue before it looks at the stop flag again. */
    private static final long POLL_MICROS = 200;

    /** Addresses of one batch, with sizes and tags for verification; recycled, never shared by two threads at once. */
    private static final class Batch {
        final long[] addresses;
        final long[] sizes;
        final long[] tags;
        int count;

        Batch(int batchSize, boolean verify) {
            addresses = new long[batchSize];
            sizes = new long[verify ? batchSize : 0];
            tags = new long[verify ? batchSize : 0];
        }
    }

    @Override
    public WorkloadOutcome run(AllocatorAdapter allocator, WorkloadSpec spec) {
        int pairs = spec.threads();
        int batchSize = Math.toIntExact(spec.param("batchSize"));
        BlockingQueue<Batch> full = new ArrayBlockingQueue<>(Math.toIntExact(spec.param("queueLimit")));
        ConcurrentLinkedQueue<Batch> empty = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Batch> unfinished = new ConcurrentLinkedQueue<>();
        long batchesPerProducer = spec.timedByDuration() ? Long.MAX_VALUE : (spec.iters() + batchSize - 1) / batchSize;
        long totalBatches = spec.timedByDuration() ? Long.MAX_VALUE : batchesPerProducer * pairs;
        AtomicLong consumedBatches = new AtomicLong();
        long[] calls = new long[2 * pairs];
        TimedPhase phase = new TimedPhase(spec.kind().cliName(), 2 * pairs);
        try {
            long elapsed = phase.run(w -> w < pairs
                    ? () -> calls[w] = produce(allocator, spec, w, batchesPerProducer, full, empty, unfinished, phase)
                    : () -> calls[w] = consume(allocator, spec, totalBatches, consumedBatches, full, empty, phase),
                    spec.durationMillis());
            long frees = 0;
            for (int w = pairs; w < 2 * pairs; w++) {
                frees += calls[w];
            }
            return new WorkloadOutcome(2 * frees, elapsed, phase.cpuNanos(), calls, phase.threadsStarted());
        } finally {
            freeBatches(allocator, full);
            freeBatches(allocator, unfinished);
        }
    }

    private static long produce(AllocatorAdapter allocator, WorkloadSpec spec, int producer, long batches,
            BlockingQueue<Batch> full, ConcurrentLinkedQueue<Batch> empty, ConcurrentLinkedQueue<Batch> unfinished,
            TimedPhase phase) {
        final AllocatorAdapter a = allocator;
        final int batchSize = Math.toIntExact(spec.param("batchSize"));
        final long objectSize = spec.param("objectSize");
        final boolean verify = spec.verify();
        long s = Xorshift.threadState(spec.seed(), producer);
        long mallocs = 0;
        for (long b = 0; b < batches && !phase.stopped(); b++) {
            Batch batch = empty.poll();
            if (batch == null) {
                batch = new Batch(batchSize, verify);
            }
            batch.count = 0;
            unfinished.add(batch);
            for (int i = 0; i < batchSize; i++) {
                if (phase.stopped()) {
                    return mallocs;
                }
                long size = objectSize;
                if (size == 0) {
                    s = Xorshift.step(s);
                    size = SIZES[Xorshift.slot(Xorshift.output(s), SIZES.length)];
                }
                long p = TimedPhase.checkBlock(a.malloc(size), size);
                if (verify) {
                    batch.sizes[i] = size;
                    batch.tags[i] = BlockPattern.tag(producer, mallocs);
                    BlockPattern.write(p, size, batch.tags[i]);
                } else {
                    NativeMemory.fill(p, Math.min(size, WRITTEN_BYTES), (byte) i);
                }
                batch.addresses[i] = p;
                batch.count = i + 1;
                mallocs++;
            }
            if (!enqueue(full, batch, phase)) {
                return mallocs;
            }
            unfinished.remove(batch);
        }
        return mallocs;
    }

    /** Puts a full batch on the queue, waiting while it is full; false when stopped first (the batch stays unfinished). */
    private static boolean enqueue(BlockingQueue<Batch> full, Batch batch, TimedPhase phase) {
        try {
            while (!full.offer(batch, POLL_MICROS, TimeUnit.MICROSECONDS)) {
                if (phase.stopped()) {
                    return false;
                }
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("xmalloc producer interrupted", e);
        }
    }

    private static long consume(AllocatorAdapter allocator, WorkloadSpec spec, long totalBatches, AtomicLong consumedBatches,
            BlockingQueue<Batch> full, ConcurrentLinkedQueue<Batch> empty, TimedPhase phase) {
        final AllocatorAdapter a = allocator;
        final boolean verify = spec.verify();
        long frees = 0;
        try {
            while (!phase.stopped() && consumedBatches.get() < totalBatches) {
                Batch batch = full.poll(POLL_MICROS, TimeUnit.MICROSECONDS);
                if (batch == null) {
                    continue;
                }
                for (int i = 0; i < batch.count; i++) {
                    long p = batch.addresses[i];
                    if (verify) {
                        BlockPattern.check(p, batch.sizes[i], batch.tags[i]);
                    }
                    a.free(p);
                    batch.addresses[i] = 0;
                }
                frees += batch.count;
                batch.count = 0;
                consumedBatches.incrementAndGet();
                empty.add(batch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("xmalloc consumer interrupted", e);
        }
        return frees;
    }

    private static void freeBatches(AllocatorAdapter allocator, java.util.Collection<Batch> batches) {
        for (Batch batch : batches) {
            for (int i = 0; i < batch.count; i++) {
                allocator.free(batch.addresses[i]);
                batch.addresses[i] = 0;
            }
            batch.count = 0;
        }
        batches.clear();
    }
}
