package org.hakbench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The timeout of a helper command fires (before: the output was read to its end before waiting). */
class CommandOutputTest {
    @Test
    void aHungCommandIsStoppedAtItsTimeout() {
        long start = System.nanoTime();
        assertNull(CommandOutput.run(List.of("sleep", "30"), Duration.ofSeconds(1)));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertTrue(seconds < 10, "took " + seconds + " s");
    }

    @Test
    void outputOfACommandThatEndsAndNullForAFailure() {
        assertEquals("hi\n", CommandOutput.run(List.of("echo", "hi"), Duration.ofSeconds(10)));
        assertNull(CommandOutput.run(List.of("false"), Duration.ofSeconds(10)));
        assertNull(CommandOutput.run(List.of("/no/such/program"), Duration.ofSeconds(10)));
    }
}
