package org.hakmem.allocator.internal.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.hakmem.allocator.AllocatorConfig;
import org.hakmem.allocator.internal.Core;
import org.hakmem.allocator.internal.slab.Slab;
import org.hakmem.allocator.internal.slab.SlabOwner;
import org.junit.jupiter.api.Test;

class SignalStackTest {

    /**
     * A signaller that won the flag before an ownership change can push a slab that another
     * signaller already pushed onto the same stack. Linked through the slab, that made a cycle
     * the owner walked forever; each push must stay a node of its own.
     */
    @Test
    void aSlabPushedWhileStillOnTheStackIsListedTwiceWithoutACycle() {
        Core core = new Core(AllocatorConfig.defaults());
        try {
            SlabOwner owner = new SlabOwner(null, null) { };
            Slab s = core.backend().acquireSlab(2, owner);
            Slab t = core.backend().acquireSlab(2, owner);
            SignalStack stack = new SignalStack();
            stack.push(s);
            stack.push(t);
            stack.push(s);
            List<Slab> walked = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> {
                List<Slab> seen = new ArrayList<>();
                for (SignalStack.Node n = stack.takeAll(); n != null; n = n.next) {
                    seen.add(n.slab);
                }
                return seen;
            });
            assertEquals(List.of(s, t, s), walked, "newest first, every push once");
            assertEquals(null, stack.takeAll(), "taken whole");
            core.backend().releaseSlab(s);
            core.backend().releaseSlab(t);
        } finally {
            core.close();
        }
    }
}
