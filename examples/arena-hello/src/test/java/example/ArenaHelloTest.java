package example;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class ArenaHelloTest {
    @Test
    void theProgramRunsAgainstTheInstalledArtifactOnTheClassPath() {
        assertEquals(500_500, ArenaHello.sum(1000));
    }

    /** As a module user runs it: hakmem a named module, its internals hidden, native access granted by name. */
    @Test
    void theProgramRunsOnTheModulePathWithTheInternalsHidden() throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String modulePath = System.getProperty("hakmem.jar") + java.io.File.pathSeparator + System.getProperty("example.classes");
        Process p = new ProcessBuilder(List.of(javaBin, "--enable-native-access=org.hakmem.allocator", "-p", modulePath,
                "-m", "example.arenahello/example.ArenaHello", "1000")).start();
        String out = new String(p.getInputStream().readAllBytes());
        String err = new String(p.getErrorStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), err);
        assertTrue(out.contains("sum 1..1000 through a hakmem arena = 500500"), out);
        assertTrue(out.contains("hakmem module: org.hakmem.allocator, internal packages exported: false"), out);
        assertFalse(err.contains("WARNING"), "native access granted to the module by name: no warning; " + err);
    }
}
