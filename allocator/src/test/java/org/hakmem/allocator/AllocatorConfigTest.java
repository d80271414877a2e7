package org.hakmem.allocator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AllocatorConfigTest {

    @Test
    void builtInDefaultsAreSpeedFirst() {
        AllocatorConfig c = AllocatorConfig.defaults();
        assertEquals("MIXED_TINYV3_C7_SAFE", c.profile());
        assertFalse(c.lean());
        assertEquals(AllocatorConfig.Decommit.FREE, c.leanDecommit());
        assertEquals(0, c.leanTargetMiB());
        assertEquals(10, c.leanDelayMillis());
        assertEquals(AllocatorConfig.TinyProfile.CONSERVATIVE, c.tinyProfile());
        assertFalse(c.osStats());
        assertEquals(1, c.prewarmSuperslabs());
        assertFalse(c.checked());
        assertEquals(64, c.tinyCacheBlocks());
    }

    @Test
    void balancedProfileSetsLeanOffTen() {
        AllocatorConfig c = AllocatorConfig.fromEnvironment(Map.of("HAKMEM_PROFILE", "MIXED_TINYV3_C7_BALANCED"));
        assertTrue(c.lean());
        assertEquals(AllocatorConfig.Decommit.OFF, c.leanDecommit());
        assertEquals(10, c.leanTargetMiB());
    }

    @Test
    void environmentBeatsProfileBeatsDefault() {
        AllocatorConfig c = AllocatorConfig.fromEnvironment(Map.of(
                "HAKMEM_PROFILE", "MIXED_TINYV3_C7_BALANCED",
                "HAKMEM_SS_MEM_LEAN_TARGET_MB", "3",
                "HAKMEM_SS_MEM_LEAN", "0"));
        assertFalse(c.lean(), "env 0 reverts the profile's LEAN=1: every gate is reversible");
        assertEquals(3, c.leanTargetMiB());
        assertEquals(AllocatorConfig.Decommit.OFF, c.leanDecommit(), "unset in env: the profile's value");
        assertEquals(AllocatorConfig.TinyProfile.CONSERVATIVE, c.tinyProfile(), "unset in both: the default");
    }

    @ParameterizedTest
    @CsvSource({
            "HAKMEM_SS_MEM_LEAN, 1, lean, true",
            "HAKMEM_SS_MEM_LEAN_DECOMMIT, dontneed, leanDecommit, DONTNEED",
            "HAKMEM_SS_MEM_LEAN_DECOMMIT, OFF, leanDecommit, OFF",
            "HAKMEM_SS_MEM_LEAN_TARGET_MB, 42, leanTargetMiB, 42",
            "HAKMEM_SS_MEM_LEAN_DELAY_MS, 250, leanDelayMillis, 250",
            "HAKMEM_TINY_PROFILE, hot, tinyProfile, HOT",
            "HAKMEM_TINY_PROFILE, full, tinyProfile, FULL",
            "HAKMEM_SS_OS_STATS, 1, osStats, true",
            "HAKMEM_SS_PREWARM, 3, prewarmSuperslabs, 3",
            "HAKMEM_CHECKED, 1, checked, true",
            "HAKMEM_TINY_CACHE_BLOCKS, 16, tinyCacheBlocks, 16"})
    void everyKnobIsReadFromTheEnvironment(String variable, String value, String component, String expected)
            throws Exception {
        AllocatorConfig c = AllocatorConfig.fromEnvironment(Map.of(variable, value));
        Object actual = AllocatorConfig.class.getMethod(component).invoke(c);
        assertEquals(expected, String.valueOf(actual));
        assertEquals(c, AllocatorConfig.fromEnvironment(c.effective()), "effective() reproduces the config");
    }

    @ParameterizedTest
    @CsvSource({
            "HAKMEM_SS_MEM_LEAN_TARGET_MB, abc, not a whole number",
            "HAKMEM_SS_MEM_LEAN_TARGET_MB, -1, must be in",
            "HAKMEM_SS_MEM_LEAN, yes, expected 0 or 1",
            "HAKMEM_SS_MEM_LEAN_DECOMMIT, SOMETIMES, expected one of off|free|dontneed",
            "HAKMEM_TINY_PROFILE, fast, expected one of hot|conservative|off|full",
            "HAKMEM_SS_PREWARM, 1000, must be in",
            "HAKMEM_TINY_CACHE_BLOCKS, 65, must be in"})
    void badValuesNameTheVariable(String variable, String value, String why) {
        var e = assertThrows(IllegalArgumentException.class, () -> AllocatorConfig.fromEnvironment(Map.of(variable, value)));
        assertTrue(e.getMessage().startsWith(variable + "=" + value), e.getMessage());
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    @Test
    void unknownProfileIsAnErrorNamingIt() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> AllocatorConfig.fromEnvironment(Map.of("HAKMEM_PROFILE", "NO_SUCH")));
        assertTrue(e.getMessage().contains("HAKMEM_PROFILE=NO_SUCH") && e.getMessage().contains("unknown profile"), e.getMessage());
    }

    @Test
    void userProfilesComeFromTheProfileDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("MINE.properties"), "HAKMEM_SS_MEM_LEAN=1\nHAKMEM_SS_MEM_LEAN_TARGET_MB=7\n");
        Files.writeString(dir.resolve("BROKEN.properties"), "HAKMEM_NOPE=1\n");
        AllocatorConfig c = AllocatorConfig.fromEnvironment(Map.of("HAKMEM_PROFILE", "MINE", "HAKMEM_PROFILE_DIR", dir.toString()));
        assertTrue(c.lean());
        assertEquals(7, c.leanTargetMiB());
        var e = assertThrows(IllegalArgumentException.class, () -> AllocatorConfig.fromEnvironment(
                Map.of("HAKMEM_PROFILE", "BROKEN", "HAKMEM_PROFILE_DIR", dir.toString())));
        assertTrue(e.getMessage().contains("HAKMEM_NOPE"), e.getMessage());
    }

    @Test
    void withChangesOneVariableAndRefusesUnknownOnes() {
        AllocatorConfig c = AllocatorConfig.defaults().with("HAKMEM_SS_MEM_LEAN", "1");
        assertTrue(c.lean());
        assertThrows(IllegalArgumentException.class, () -> c.with("HAKMEM_FOO", "1"));
        assertThrows(IllegalArgumentException.class, () -> c.with("HAKMEM_SS_MEM_LEAN", "2"));
    }

    @Test
    void shippedProfileFilesMatchTheBuiltInList() throws Exception {
        for (String name : AllocatorConfig.builtInProfiles()) {
            assertTrue(Files.isRegularFile(Path.of("..", "profiles", name + ".properties")), name);
            AllocatorConfig.fromEnvironment(Map.of("HAKMEM_PROFILE", name));
        }
    }
}
