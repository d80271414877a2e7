package org.hakmem.allocator.internal.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.hakmem.allocator.internal.slab.Slab;

/**
 * A thread cache's stack of slabs that other threads freed into (mimalloc's delayed-free list):
 * pushed by them with one CAS (a Treiber stack), taken whole by the owner when it refills. Other
 * threads CAS {@code head}, so it sits in an object of its own, padded on both sides (superclass
 * fields come first), away from the cache's own hot fields.
 *
 * <p>Each push links a node of its own, not the slab: a slab may be pushed while it is still on a
 * stack. A thread that won a slab's signal flag can be descheduled before it pushes; meanwhile the
 * slab's owner ends, the pool adopts the slab and lends it on (each clearing the flag), another
 * thread wins the flag again and pushes the slab onto the new owner's stack, and then the first
 * thread pushes it there too. Linked through the slab, the second push made the slab point at
 * itself and the owner walked that cycle forever (seen once in larson with thread churn, after
 * hundreds of child runs). With nodes the slab is just listed twice; the second visit finds
 * nothing to drain.
 */
final class SignalStack extends SignalStackHead {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(SignalStackHead.class, "head", Node.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** One push: the slab and the node below it, never relinked after the push. */
    static final class Node {
        final Slab slab;
        Node next;

        Node(Slab slab) {
            this.slab = slab;
        }
    }

    void push(Slab slab) {
        Node node = new Node(slab);
        Node top;
        do {
            top = (Node) HEAD.getVolatile(this);
            node.next = top;
        } while (!HEAD.compareAndSet(this, top, node));
    }

    /** Owner only: every push so far, newest first (a slab may appear more than once). */
    Node takeAll() {
        return (Node) HEAD.getAndSet(this, (Node) null);
    }
}

/** 64 bytes before the head. */
abstract class SignalStackPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

abstract class SignalStackHead extends SignalStackPad {
    @SuppressWarnings("unused") // accessed through SignalStack.HEAD
    volatile SignalStack.Node head;
}
