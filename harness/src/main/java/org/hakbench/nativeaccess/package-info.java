/**
 * The one place in the harness with FFM downcalls and raw memory access: C malloc/free resolved in
 * the global symbol scope (so LD_PRELOAD applies), byte writes at addresses, the strace marker call,
 * and /proc/self/maps look-ups.
 */
package org.hakbench.nativeaccess;
