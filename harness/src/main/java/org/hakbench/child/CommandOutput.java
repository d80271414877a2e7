package org.hakbench.child;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a short helper command (git, dpkg-query, gcc --version) and returns its stdout, or null when it
 * fails, exits non-zero or outlives {@code timeout}. The output is drained on its own thread while the
 * caller waits with the timeout: reading first and waiting after (as before) blocks until the command
 * ends, so a hung command hung hakbench and the timeout never fired.
 */
public final class CommandOutput {
    private CommandOutput() {
    }

    public static String run(List<String> command, Duration timeout) {
        Process p;
        try {
            p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            return null;
        }
        CompletableFuture<byte[]> out = CompletableFuture.supplyAsync(() -> {
            try {
                return p.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new byte[0];
            }
        }, r -> Thread.ofPlatform().daemon().name("command-output").start(r));
        try {
            if (!p.waitFor(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return null;
            }
            byte[] bytes = out.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return p.exitValue() == 0 ? new String(bytes, StandardCharsets.UTF_8) : null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            p.destroyForcibly();
            return null;
        }
    }
}
