package org.hakmem.allocator.internal.cache;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

import org.hakmem.allocator.internal.slab.Slab;

/**
 * A thread cache's stack of slabs that other threads freed into (mimalloc's delayed-free list):
 * pushed by them with one CAS (a Treiber stack through {@link Slab#nextSignalled}), taken whole by
 * the owner when it refills. Other threads CAS {@code head}, so it sits in an object of its own,
 * padded on both sides (superclass fields come first), away from the cache's own hot fields.
 */
final class SignalStack extends SignalStackHead {
    @SuppressWarnings("unused")
    private long q0, q1, q2, q3, q4, q5, q6, q7;

    private static final VarHandle HEAD;

    static {
        try {
            HEAD = MethodHandles.lookup().findVarHandle(SignalStackHead.class, "head", Slab.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    void push(Slab slab) {
        Slab top;
        do {
            top = (Slab) HEAD.getVolatile(this);
            slab.nextSignalled = top;
        } while (!HEAD.compareAndSet(this, top, slab));
    }

    /** Owner only: every slab signalled so far, newest first, linked through nextSignalled. */
    Slab takeAll() {
        return (Slab) HEAD.getAndSet(this, (Slab) null);
    }
}

/** 64 bytes before the head. */
abstract class SignalStackPad {
    @SuppressWarnings("unused")
    private long p0, p1, p2, p3, p4, p5, p6, p7;
}

abstract class SignalStackHead extends SignalStackPad {
    @SuppressWarnings("unused") // accessed through SignalStack.HEAD
    volatile Slab head;
}
