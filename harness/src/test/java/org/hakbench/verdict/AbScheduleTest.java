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
        assertEquals(List.of(A, B, B, A, A, B, B, A, A, B, B, A), AbSchedule.order(6));
        assertEquals(List.of(0, 0, 1, 1, 2), List.of(1, 2, 3, 4, 5).stream().map(AbSchedule::pairOf).toList());
    }

    @Test
    void fewerThanFiveRunsAreRefused() {
        var ex = assertThrows(IllegalArgumentException.class, () -> AbSchedule.order(4));
        assertEquals("runs=4: a paired verdict needs at least 6 runs a side (with 5 pairs no 95% interval exists)", ex.getMessage());
    }
}
