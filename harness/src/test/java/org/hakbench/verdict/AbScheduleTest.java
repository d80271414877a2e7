package org.hakbench.verdict;

import static org.hakbench.verdict.AbSchedule.Side.A;
import static org.hakbench.verdict.AbSchedule.Side.B;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;

class AbScheduleTest {
    @Test
    void pairsAlternateAbba() {
        assertEquals(List.of(A, B, B, A, A, B, B, A, A, B), AbSchedule.order(5));
    }

    @Test
    void fewerThanFiveRunsAreRefused() {
        var ex = assertThrows(IllegalArgumentException.class, () -> AbSchedule.order(4));
        assertEquals("runs=4: a verdict needs at least 5 runs a side", ex.getMessage());
    }
}
