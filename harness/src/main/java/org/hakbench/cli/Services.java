package org.hakbench.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import org.hakbench.adapters.AllocatorUnavailableException;

/**
 * Runs a service call for a command and maps its exceptions to exit codes: bad input
 * (IllegalArgumentException) -> 2, an unavailable allocator or a failed write -> 3; the message goes to {@code err}.
 */
final class Services {

    private Services() {
    }

    static int call(PrintWriter err, Callable<Integer> service) throws Exception {
        try {
            return service.call();
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.USAGE;
        } catch (AllocatorUnavailableException e) {
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.ENVIRONMENT;
        } catch (java.io.UncheckedIOException e) {
            // a write that failed (a full disk, a file system gone read-only): the environment's, named
            err.println("error: " + e.getMessage());
            err.flush();
            return ExitCodes.ENVIRONMENT;
        }
    }
}
