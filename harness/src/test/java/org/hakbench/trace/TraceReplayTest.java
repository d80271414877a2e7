package org.hakbench.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.hakbench.adapters.AllocatorAdapter;
import org.hakbench.adapters.Allocators;
import org.hakbench.nativeaccess.NativeMemory;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Replaying random valid traces: live blocks never overlap and keep what the program wrote (realloc included). */
public class TraceReplayTest {

    /** A random valid mtrace: mallocs, frees of live blocks, reallocs, frees of unknown addresses. */
    public static List<String> randomTrace(long seed, int operations) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Long> live = new ArrayList<>();
        List<String> lines = new ArrayList<>(List.of("= Start"));
        long next = 0x10000;
        for (int i = 0; i < operations; i++) {
            int op = r.nextInt(10);
            if (op < 5 || live.isEmpty()) {
                long size = r.nextInt(10) == 0 ? r.nextLong(1, 300_000) : r.nextLong(0, 2048);
                lines.add("@ /usr/bin/prog:[0x1] + 0x" + Long.toHexString(next) + " 0x" + Long.toHexString(size));
                live.add(next);
                next += 0x1000;
            } else if (op < 8) {
                long a = live.remove(r.nextInt(live.size()));
                lines.add("@ /usr/bin/prog:[0x2] - 0x" + Long.toHexString(a));
            } else if (op < 9) {
                long a = live.remove(r.nextInt(live.size()));
                lines.add("@ /lib/libc.so.6:(realloc+1)[0x3] < 0x" + Long.toHexString(a));
                lines.add("@ /lib/libc.so.6:(realloc+1)[0x3] > 0x" + Long.toHexString(next) + " 0x" + Long.toHexString(r.nextLong(1, 5000)));
                live.add(next);
                next += 0x1000;
            } else {
                lines.add("@ /usr/bin/prog:[0x4] - 0x7f" + Long.toHexString(r.nextLong(1, 1 << 20)));   // from before tracing
            }
        }
        return lines;
    }

    @Property(tries = 30)
    void liveBlocksNeverOverlapAndKeepTheirContent(@ForAll @LongRange(min = 1, max = 1_000_000) long seed) {
        MallocTrace trace = MallocTrace.parse(randomTrace(seed, 600), "random");
        try (AllocatorAdapter hakmem = Allocators.createAdapter(Allocators.byName("hakmem"))) {
            TraceReplay replay = new TraceReplay(trace);
            for (int pass = 0; pass < 3; pass++) {
                assertEquals(trace.operations(), replay.pass(hakmem));
                check(trace, replay.addresses());
                replay.freeLive(hakmem);
            }
        }
    }

    /** Simulates what each live block must hold at byte 0, and checks the blocks' ranges are disjoint. */
    private static void check(MallocTrace t, long[] addresses) {
        byte[] kinds = t.kinds();
        int[] slots = t.slots();
        int[] newSlots = t.newSlots();
        long[] sizes = t.sizes();
        long[] liveSize = new long[t.slotCount()];
        byte[] first = new byte[t.slotCount()];
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] == MallocTrace.MALLOC) {
                liveSize[slots[i]] = sizes[i];
                first[slots[i]] = (byte) sizes[i];
            } else if (kinds[i] == MallocTrace.FREE) {
                liveSize[slots[i]] = 0;
            } else {
                boolean kept = Math.min(liveSize[slots[i]], sizes[i]) > 0;
                byte carried = kept ? first[slots[i]] : (byte) sizes[i];
                liveSize[slots[i]] = 0;
                liveSize[newSlots[i]] = sizes[i];
                first[newSlots[i]] = carried;
            }
        }
        List<long[]> ranges = new ArrayList<>();
        for (int s = 0; s < addresses.length; s++) {
            if (addresses[s] != 0 && liveSize[s] > 0) {
                assertEquals(first[s], NativeMemory.getByte(addresses[s]), "slot " + s + ": first byte");
                ranges.add(new long[] {addresses[s], addresses[s] + liveSize[s]});
            }
        }
        ranges.sort((a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < ranges.size(); i++) {
            assertTrue(ranges.get(i)[0] >= ranges.get(i - 1)[1], "blocks overlap: " + Arrays.toString(ranges.get(i - 1)) + " / "
                    + Arrays.toString(ranges.get(i)));
        }
    }
}
