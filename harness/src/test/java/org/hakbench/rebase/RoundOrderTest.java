package org.hakbench.rebase;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class RoundOrderTest {

    @Test
    void inAsManyRoundsAsAllocatorsEachTakesEveryPositionOnce() {
        List<String> allocators = List.of("hakmem", "glibc", "mimalloc", "null");
        for (int position = 0; position < allocators.size(); position++) {
            Set<String> seen = new HashSet<>();
            for (int round = 0; round < allocators.size(); round++) {
                seen.add(RebaseRunner.rotated(allocators, round).get(position));
            }
            assertEquals(Set.copyOf(allocators), seen, "position " + position);
        }
        assertEquals(List.of("mimalloc", "null", "hakmem", "glibc"), RebaseRunner.rotated(allocators, 2));
        assertEquals(allocators, RebaseRunner.rotated(allocators, 4));
    }
}
