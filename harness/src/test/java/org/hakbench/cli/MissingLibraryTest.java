package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.hakbench.adapters.Allocators;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A machine without the competitor libraries, simulated by pointing HAKBENCH_LIBRARY_DIR at an empty directory. */
class MissingLibraryTest {

    private record Result(int exitCode, String out, String err) {
    }

    private static Result hakbench(Path libraryDir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Hakbench.class.getName()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put(Allocators.LIBRARY_DIR_VARIABLE, libraryDir.toString());
        Process p = builder.start();
        p.getOutputStream().close();
        var err = p.getErrorStream();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String errText = new String(err.readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        return new Result(p.exitValue(), out, errText);
    }

    @Test
    void namedMissingCompetitorExitsThreeNamingThePackage(@TempDir Path empty) throws Exception {
        Result run = hakbench(empty, "rebase", "--allocators", "null,jemalloc", "--results", empty.resolve("r").toString());
        assertEquals(ExitCodes.ENVIRONMENT, run.exitCode(), run.err());
        assertTrue(run.err().contains("allocator jemalloc was named but") && run.err().contains("libjemalloc2"), run.err());

        Result list = hakbench(empty, "allocators");
        assertEquals(ExitCodes.OK, list.exitCode(), list.err());
        assertTrue(list.out().lines().anyMatch(l -> l.startsWith("mimalloc") && l.contains(" no ") && l.contains("libmimalloc2.0")), list.out());
    }
}
