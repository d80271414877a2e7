package org.hakbench.results;

import java.util.List;
import java.util.function.Supplier;

/** Drawing a PNG that may fail for want of fonts (a minimal container): the figures matter more than the picture. */
public final class Plots {
    private Plots() {
    }

    /**
     * The rendered bytes, or null with a line in {@code warnings} when the plot cannot be drawn (AWT
     * without fonts throws errors of its own: InternalError, UnsatisfiedLinkError, NoClassDefFoundError).
     * Out-of-memory and the like are rethrown.
     */
    public static byte[] drawOrWarn(Supplier<byte[]> draw, List<String> warnings) {
        try {
            return draw.get();
        } catch (RuntimeException | LinkageError | InternalError e) {
            warnings.add("plot not drawn: " + e);
            return null;
        }
    }
}
