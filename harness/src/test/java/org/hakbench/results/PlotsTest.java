package org.hakbench.results;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A machine without fonts makes AWT throw errors of its own; the command keeps its figures and warns. */
class PlotsTest {
    @Test
    void aPlotThatCannotBeDrawnIsAWarningNotAFailure() {
        List<String> warnings = new ArrayList<>();
        assertNull(Plots.drawOrWarn(() -> {
            throw new InternalError("java.io.IOException: Problem reading font data.");
        }, warnings));
        assertNull(Plots.drawOrWarn(() -> {
            throw new UnsatisfiedLinkError("libfontmanager.so: libfreetype.so.6: cannot open shared object file");
        }, warnings));
        assertEquals(2, warnings.size());
        assertTrue(warnings.getFirst().startsWith("plot not drawn: java.lang.InternalError: java.io.IOException: Problem reading font"),
                warnings.getFirst());
        assertArrayEquals(new byte[] {1, 2}, Plots.drawOrWarn(() -> new byte[] {1, 2}, warnings));
    }

    @Test
    void runningOutOfMemoryIsNotSwallowed() {
        assertThrows(OutOfMemoryError.class, () -> Plots.drawOrWarn(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, new ArrayList<>()));
    }
}
