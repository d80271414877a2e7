package org.hakbench.child;

import java.util.Map;
import java.util.TreeMap;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import org.hakbench.nativeaccess.NativeMalloc;

/** Child modes used only by tests; they are on the child's class path because it is the test class path. */
final class TestModes {
    private TestModes() {
    }

    public record Text(String value) {
    }

    /** Modes configured by a {@link Text}. */
    abstract static class TextMode<R> implements ChildMode<Text, R> {
        @Override
        public Class<Text> configType() {
            return Text.class;
        }
    }

    /** Echoes its config and reports the HAKMEM_* / LD_PRELOAD it sees. */
    public static final class Echo extends TextMode<Map<String, String>> {
        @Override
        public Map<String, String> run(Text config) {
            System.out.println("noise that must not reach the parent's result line");
            Map<String, String> seen = new TreeMap<>();
            seen.put("echo", config.value());
            System.getenv().forEach((k, v) -> {
                if (k.startsWith("HAKMEM_") || k.equals("LD_PRELOAD")) {
                    seen.put(k, v);
                }
            });
            return seen;
        }
    }

    /** Frees a pointer malloc never returned: glibc aborts the process (SIGABRT), as a C crash would. */
    public static final class CrashOnBadFree extends TextMode<Text> {
        @Override
        public Text run(Text config) {
            System.err.println("about to free a bad pointer");
            long p = NativeMalloc.malloc(64);
            NativeMalloc.free(p + 8);
            return config;
        }
    }

    /** Never finishes. */
    public static final class Hang extends TextMode<Text> {
        @Override
        public Text run(Text config) throws InterruptedException {
            Thread.sleep(600_000);
            return config;
        }
    }

    /** Builds the named allocator's adapter (which verifies who answers malloc) and reports it. */
    public static final class Verify extends TextMode<Text> {
        @Override
        public Text run(Text config) {
            AllocatorSpec spec = Allocators.byName(config.value());
            return new Text(Allocators.createAdapter(spec).implementation());
        }
    }
}
