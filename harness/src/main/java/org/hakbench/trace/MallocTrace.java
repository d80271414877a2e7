package org.hakbench.trace;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A program's allocation trace in glibc's {@code mtrace} format, parsed once into a compact form a
 * replay can run from arrays: every operation with the dense slot id of its block (addresses mapped
 * to slots, a freed slot reused, so the slot count is the peak number of live blocks) and its size.
 *
 * <p>mtrace lines: {@code @ CALLER + 0xADDR 0xSIZE} (malloc, calloc, memalign), {@code @ CALLER - 0xADDR}
 * (free), {@code @ CALLER < 0xOLD} then {@code @ CALLER > 0xNEW 0xSIZE} (realloc); {@code = Start} /
 * {@code = End} and {@code #} header lines are skipped. A free of an address that is not live (its
 * malloc happened before tracing started) is counted and skipped, never an error. mtrace records no
 * thread ids: a replay is single-threaded.
 */
public final class MallocTrace {
    /** Operation kinds in {@link #kinds()}. */
    public static final byte MALLOC = 0;
    public static final byte FREE = 1;
    /** Realloc: {@link #slots()} holds the old block's slot, {@link #newSlots()} the new one's. */
    public static final byte REALLOC = 2;

    private final byte[] kinds;
    private final int[] slots;
    private final int[] newSlots;
    private final long[] sizes;
    private final int slotCount;
    private final long unknownFrees;
    private final long peakLiveBytes;
    private final long finalLiveBytes;
    private final int peakIndex;

    private MallocTrace(byte[] kinds, int[] slots, int[] newSlots, long[] sizes, int slotCount, long unknownFrees, long peakLiveBytes,
                        long finalLiveBytes, int peakIndex) {
        this.kinds = kinds;
        this.slots = slots;
        this.newSlots = newSlots;
        this.sizes = sizes;
        this.slotCount = slotCount;
        this.unknownFrees = unknownFrees;
        this.peakLiveBytes = peakLiveBytes;
        this.finalLiveBytes = finalLiveBytes;
        this.peakIndex = peakIndex;
    }

    /** Parses mtrace lines; a line that is not mtrace is an IllegalArgumentException naming {@code source} and its line number. */
    public static MallocTrace parse(List<String> lines, String source) {
        Builder b = new Builder(lines.size());
        String pendingReallocOld = null;
        int pendingLine = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            int lineNumber = i + 1;
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("=")) {
                continue;
            }
            String[] t = line.split("\\s+");
            if (!t[0].equals("@") || t.length < 3) {
                throw bad(source, lineNumber, line, "not an mtrace line");
            }
            if (pendingReallocOld != null && !t[t.length - 3].equals(">")) {
                throw bad(source, pendingLine, lines.get(pendingLine - 1).strip(), "realloc '<' without its '>' line");
            }
            if (t.length >= 4 && t[t.length - 3].equals("+")) {
                b.malloc(t[t.length - 2], size(t[t.length - 1], source, lineNumber, line));
            } else if (t[t.length - 2].equals("-")) {
                b.free(t[t.length - 1]);
            } else if (t[t.length - 2].equals("<")) {
                pendingReallocOld = t[t.length - 1];
                pendingLine = lineNumber;
            } else if (t.length >= 4 && t[t.length - 3].equals(">")) {
                if (pendingReallocOld == null) {
                    throw bad(source, lineNumber, line, "realloc '>' without its '<' line");
                }
                b.realloc(pendingReallocOld, t[t.length - 2], size(t[t.length - 1], source, lineNumber, line));
                pendingReallocOld = null;
            } else {
                throw bad(source, lineNumber, line, "no +, -, < or > operation");
            }
        }
        if (pendingReallocOld != null) {
            throw bad(source, pendingLine, lines.get(pendingLine - 1).strip(), "realloc '<' without its '>' line (trace cut off?)");
        }
        return b.build();
    }

    private static long size(String hex, String source, int lineNumber, String line) {
        try {
            long v = Long.parseUnsignedLong(hex.startsWith("0x") ? hex.substring(2) : hex, 16);
            if (v < 0) {
                throw bad(source, lineNumber, line, "size " + hex + " too large");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(source, lineNumber, line, "size " + hex + " is not a hex number");
        }
    }

    private static IllegalArgumentException bad(String source, int lineNumber, String line, String why) {
        String shown = line.length() > 120 ? line.substring(0, 120) + "..." : line;
        return new IllegalArgumentException(source + ": line " + lineNumber + ": " + why + ": " + shown);
    }

    /** Accumulates operations, mapping live addresses to dense slot ids. */
    private static final class Builder {
        private byte[] kinds;
        private int[] slots;
        private int[] newSlots;
        private long[] sizes;
        private int n;
        private final Map<String, Integer> live = new HashMap<>();
        private final ArrayDeque<Integer> freeSlots = new ArrayDeque<>();
        private long[] slotBytes = new long[16];
        private int slotCount;
        private long unknownFrees;
        private long liveBytes;
        private long peakLiveBytes;
        private int peakIndex = -1;

        Builder(int expected) {
            int capacity = Math.max(16, expected);
            kinds = new byte[capacity];
            slots = new int[capacity];
            newSlots = new int[capacity];
            sizes = new long[capacity];
        }

        void malloc(String address, long size) {
            Integer previous = live.get(address);
            if (previous != null) {
                release(address, previous);   // handed out again without a traced free (freed before tracing): forget the old
            }
            add(MALLOC, take(address, size), -1, size);
        }

        void free(String address) {
            Integer slot = live.get(address);
            if (slot == null) {
                unknownFrees++;
                return;
            }
            release(address, slot);
            add(FREE, slot, -1, 0);
        }

        void realloc(String oldAddress, String newAddress, long size) {
            Integer old = live.get(oldAddress);
            if (old == null) {
                unknownFrees++;   // resized a block allocated before tracing: replay it as a malloc
                add(MALLOC, take(newAddress, size), -1, size);
                return;
            }
            release(oldAddress, old);
            add(REALLOC, old, take(newAddress, size), size);
        }

        private int take(String address, long size) {
            int slot = freeSlots.isEmpty() ? slotCount++ : freeSlots.pop();
            if (slot >= slotBytes.length) {
                slotBytes = Arrays.copyOf(slotBytes, slotBytes.length * 2);
            }
            slotBytes[slot] = size;
            live.put(address, slot);
            liveBytes += size;
            if (liveBytes > peakLiveBytes) {
                peakLiveBytes = liveBytes;
                peakIndex = n;   // the operation being added now
            }
            return slot;
        }

        private void release(String address, int slot) {
            live.remove(address);
            liveBytes -= slotBytes[slot];
            freeSlots.push(slot);
        }

        private void add(byte kind, int slot, int newSlot, long size) {
            if (n == kinds.length) {
                int c = n * 2;
                kinds = Arrays.copyOf(kinds, c);
                slots = Arrays.copyOf(slots, c);
                newSlots = Arrays.copyOf(newSlots, c);
                sizes = Arrays.copyOf(sizes, c);
            }
            kinds[n] = kind;
            slots[n] = slot;
            newSlots[n] = newSlot;
            sizes[n] = size;
            n++;
        }

        MallocTrace build() {
            return new MallocTrace(Arrays.copyOf(kinds, n), Arrays.copyOf(slots, n), Arrays.copyOf(newSlots, n),
                    Arrays.copyOf(sizes, n), slotCount, unknownFrees, peakLiveBytes, liveBytes, peakIndex);
        }
    }

    public int operations() {
        return kinds.length;
    }

    public byte[] kinds() {
        return kinds.clone();
    }

    public int[] slots() {
        return slots.clone();
    }

    public int[] newSlots() {
        return newSlots.clone();
    }

    public long[] sizes() {
        return sizes.clone();
    }

    /** Slots a replay needs: the most blocks live at once. */
    public int slotCount() {
        return slotCount;
    }

    /** Frees (and reallocs) of addresses not live in the trace: allocated before tracing started. */
    public long unknownFrees() {
        return unknownFrees;
    }

    public long peakLiveBytes() {
        return peakLiveBytes;
    }

    /** The operation after which the live bytes peak ({@link #peakLiveBytes}), or -1 for a trace without mallocs. */
    public int peakIndex() {
        return peakIndex;
    }

    /** Bytes still live at the end of the trace (what the program never freed). */
    public long finalLiveBytes() {
        return finalLiveBytes;
    }

    public long count(byte kind) {
        long c = 0;
        for (byte k : kinds) {
            if (k == kind) {
                c++;
            }
        }
        return c;
    }

    /** Requests per power-of-two size class: index i counts sizes in [2^(i-1), 2^i) (index 0: size 0). */
    public long[] sizeHistogram() {
        long[] h = new long[65];
        for (int i = 0; i < kinds.length; i++) {
            if (kinds[i] != FREE) {
                h[64 - Long.numberOfLeadingZeros(sizes[i])]++;
            }
        }
        return h;
    }
}
