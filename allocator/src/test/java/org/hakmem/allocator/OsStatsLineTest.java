package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** The default instance reads the real process environment, so these run a child JVM. */
class OsStatsLineTest {

    /** The child: a few allocations through the static API, exit code 2 on a configuration error. */
    public static void main(String[] args) {
        try {
            long p = Hakmem.malloc(100);
            long q = Hakmem.malloc(200_000);
            Hakmem.free(p);
            Hakmem.free(q);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.exit(2);
        }
    }

    private static Result child(Map<String, String> env) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(List.of(java, "--enable-native-access=ALL-UNNAMED", "-cp",
                System.getProperty("java.class.path"), OsStatsLineTest.class.getName()));
        pb.environment().keySet().removeIf(k -> k.startsWith("HAKMEM_"));
        pb.environment().putAll(env);
        Process p = pb.start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    private record Result(int exitCode, String stderr) {
    }

    @Test
    void osStatsGatePrintsTheLineAtExit() throws Exception {
        Result on = child(Map.of("HAKMEM_SS_OS_STATS", "1"));
        assertEquals(0, on.exitCode(), on.stderr());
        assertTrue(on.stderr().contains("[SS_OS_STATS] mmap="), on.stderr());
        assertTrue(on.stderr().contains("large_maps=1"), on.stderr());
        Result off = child(Map.of("HAKMEM_SS_OS_STATS", "0"));
        assertTrue(!off.stderr().contains("[SS_OS_STATS]"), "the gate is reversible: " + off.stderr());
    }

    @Test
    void badEnvironmentIsReportedNamingTheVariable() throws Exception {
        Result r = child(Map.of("HAKMEM_SS_MEM_LEAN_TARGET_MB", "abc"));
        assertEquals(2, r.exitCode(), r.stderr());
        assertTrue(r.stderr().contains("HAKMEM_SS_MEM_LEAN_TARGET_MB=abc"), r.stderr());
    }
}
