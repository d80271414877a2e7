package org.hakbench.child;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.junit.jupiter.api.Test;

class ChildLauncherTest {

    private final ChildLauncher launcher = new ChildLauncher();
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Test
    void resultLineIsTheOnlyStdoutAndEnvironmentIsClean() {
        ChildSpec spec = ChildSpec.of(TestModes.Echo.class, new TestModes.Text("hi"), TIMEOUT)
                .withEnvironment(Map.of("HAKMEM_PROFILE", "MIXED_TINYV3_C7_SAFE"));
        ChildOutcome outcome = launcher.run(spec);
        assertTrue(outcome.ok(), outcome.failureReason() + "\n" + outcome.stderrTail());
        @SuppressWarnings("unchecked")
        Map<String, String> seen = outcome.result(Map.class);
        assertEquals(Map.of("echo", "hi", "HAKMEM_PROFILE", "MIXED_TINYV3_C7_SAFE"), seen);
        assertTrue(outcome.stderrTail().contains("noise that must not reach"), outcome.stderrTail());
    }

    @Test
    void inheritedHakmemAndPreloadVariablesAreStripped() {
        Map<String, String> env = new HashMap<>(Map.of("HAKMEM_SS_MEM_LEAN", "1", "LD_PRELOAD", "/x.so",
                "JAVA_TOOL_OPTIONS", "-Xint", "PATH", "/bin"));
        ChildSpec spec = ChildSpec.of(TestModes.Echo.class, new TestModes.Text("x"), TIMEOUT)
                .withEnvironment(Map.of("HAKMEM_PROFILE", "P"))
                .withPreload(java.nio.file.Path.of("/lib/y.so"));
        ChildLauncher.cleanEnvironment(env, spec);
        assertEquals(Map.of("PATH", "/bin", "HAKMEM_PROFILE", "P", "LD_PRELOAD", "/lib/y.so",
                OrchestratorWatch.PARENT_PID_VARIABLE, Long.toString(ProcessHandle.current().pid())), env);
    }

    @Test
    void crashIsAFailedOutcomeWithStderr() {
        ChildOutcome outcome = launcher.run(ChildSpec.of(TestModes.CrashOnBadFree.class, new TestModes.Text("x"), TIMEOUT));
        assertFalse(outcome.ok());
        assertNull(outcome.resultLine());
        assertTrue(outcome.exitCode() != 0, "exit " + outcome.exitCode());
        assertTrue(outcome.stderrTail().contains("about to free a bad pointer"), outcome.stderrTail());
        assertTrue(outcome.failureReason().startsWith("child exited with code"), outcome.failureReason());
    }

    @Test
    void hangIsKilledAtTheTimeout() {
        ChildOutcome outcome = launcher.run(ChildSpec.of(TestModes.Hang.class, new TestModes.Text("x"), Duration.ofSeconds(2)));
        assertTrue(outcome.timedOut());
        assertEquals(-1, outcome.exitCode());
        assertTrue(outcome.failureReason().startsWith("timed out after"), outcome.failureReason());
    }

    @Test
    void preloadedCompetitorReallyAnswersMalloc() {
        AllocatorSpec mimalloc = Allocators.byName("mimalloc");
        assumeTrue(mimalloc.available(), mimalloc.installHint());
        ChildSpec verify = ChildSpec.of(TestModes.Verify.class, new TestModes.Text("mimalloc"), TIMEOUT);
        ChildOutcome preloaded = launcher.run(verify.withPreload(mimalloc.preloadLibrary()));
        assertTrue(preloaded.ok(), preloaded.stderrTail());
        assertTrue(preloaded.result(TestModes.Text.class).value().contains("libmimalloc"), preloaded.resultLine());

        ChildOutcome missingPreload = launcher.run(verify);
        assertFalse(missingPreload.ok());
        assertTrue(missingPreload.stderrTail().contains("malloc resolves to"), missingPreload.stderrTail());
    }
}
