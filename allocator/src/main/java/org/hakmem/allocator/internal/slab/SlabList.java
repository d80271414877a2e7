package org.hakmem.allocator.internal.slab;

/**
 * An owner's list of slabs of one bin, intrusive through the slabs' links, so moving a slab
 * between an owner's "available" and "full" lists allocates nothing. A slab is on at most one list.
 * Touched only by the slab's owner.
 */
public final class SlabList {
    private Slab head;
    private int size;

    public Slab first() {
        return head;
    }

    public static Slab next(Slab slab) {
        return slab.next;
    }

    public int size() {
        return size;
    }

    public boolean contains(Slab slab) {
        return slab.list == this;
    }

    public void addFirst(Slab slab) {
        if (slab.list != null) {
            slab.list.remove(slab);
        }
        slab.list = this;
        slab.prev = null;
        slab.next = head;
        if (head != null) {
            head.prev = slab;
        }
        head = slab;
        size++;
    }

    public void remove(Slab slab) {
        if (slab.list != this) {
            throw new IllegalStateException("slab at 0x" + Long.toHexString(slab.base) + " is not on this list");
        }
        if (slab.prev != null) {
            slab.prev.next = slab.next;
        } else {
            head = slab.next;
        }
        if (slab.next != null) {
            slab.next.prev = slab.prev;
        }
        slab.next = null;
        slab.prev = null;
        slab.list = null;
        size--;
    }
}
