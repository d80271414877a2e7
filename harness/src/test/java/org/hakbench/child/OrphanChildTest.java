package org.hakbench.child;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.hakbench.cli.Hakbench;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 of the hakbench process during rebase or ab: its measuring child JVM (running a loop long
 * enough to outlive the test) must end by itself within seconds. Before, only soak children watched
 * their parent, and a rebase child ran on as an orphan.
 */
class OrphanChildTest {
    private final List<ProcessHandle> started = new ArrayList<>();

    @TempDir
    Path dir;

    @AfterEach
    void killLeftovers() {
        started.forEach(p -> p.descendants().forEach(ProcessHandle::destroyForcibly));
        started.forEach(ProcessHandle::destroyForcibly);
    }

    @ParameterizedTest
    @ValueSource(strings = {"rebase", "ab"})
    void aChildWhoseHakbenchIsKilledEndsByItself(String command) throws Exception {
        List<String> args = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "--enable-native-access=ALL-UNNAMED", "-cp", System.getProperty("java.class.path"), Hakbench.class.getName(), command));
        if (command.equals("rebase")) {
            args.addAll(List.of("--runs", "1", "--allocators", "hakmem", "--no-syscalls"));
        } else {
            args.addAll(List.of("--a", "hakmem:SAFE", "--b", "hakmem:SAFE", "--runs", "6"));
        }
        args.addAll(List.of("--iters", "20000000000", "--warmup", "0", "--results", dir.toString()));
        Process parent = new ProcessBuilder(args).redirectErrorStream(true).redirectOutput(dir.resolve("out.txt").toFile()).start();
        started.add(parent.toHandle());
        ProcessHandle child = awaitChild(parent.toHandle());
        parent.toHandle().destroyForcibly();
        parent.waitFor(10, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertFalse(child.isAlive(), "the child " + child.pid() + " outlived its killed hakbench by 10 s");
    }

    private static ProcessHandle awaitChild(ProcessHandle parent) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            Optional<ProcessHandle> child = parent.descendants()
                    .filter(p -> p.info().arguments().map(a -> String.join(" ", a).contains(ChildMain.class.getName())).orElse(false)
                            || p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                    .findFirst();
            if (child.isPresent()) {
                Thread.sleep(1500);   // let it get into its loop
                assertTrue(child.get().isAlive(), "the child ended before the kill: the loop is too short for this test");
                return child.get();
            }
            if (!parent.isAlive()) {
                fail("hakbench ended before starting a child");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no child JVM within 60 s");
    }
}
