/**
 * Allocators under test: the {@link org.hakbench.adapters.AllocatorAdapter} interface (malloc/free on
 * addresses), the registry {@link org.hakbench.adapters.Allocators} (availability, LD_PRELOAD library,
 * Debian package, version) and one adapter per kind. Adapters are created inside child JVMs with
 * {@link org.hakbench.adapters.Allocators#createAdapter}; C allocators verify who answers malloc.
 */
package org.hakbench.adapters;
