package org.hakbench.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class AbSpecTest {

    private static final List<String> PROFILES = List.of("MIXED_TINYV3_C7_SAFE", "MIXED_TINYV3_C7_BALANCED");

    @Test
    void fullAndShortProfileNamesAndOverrides() {
        AbSpec full = AbSpec.parse("hakmem:MIXED_TINYV3_C7_SAFE", PROFILES, "hakmem");
        assertEquals("MIXED_TINYV3_C7_SAFE", full.profile());
        AbSpec shortName = AbSpec.parse("hakmem:SAFE,HAKMEM_SS_MEM_LEAN=1", PROFILES, "hakmem");
        assertEquals("MIXED_TINYV3_C7_SAFE", shortName.profile());
        assertEquals(Map.of("HAKMEM_SS_MEM_LEAN", "1", "HAKMEM_PROFILE", "MIXED_TINYV3_C7_SAFE"), shortName.environment());
        AbSpec plain = AbSpec.parse("mimalloc", PROFILES, "hakmem");
        assertNull(plain.profile());
        assertTrue(plain.environment().isEmpty());
    }

    @Test
    void badSpecsAreRefusedNamingThePart() {
        assertTrue(msg("hakmem:FAST").contains("profile FAST is unknown"));
        assertTrue(msg("hakmem:SAFE,SS_MEM_LEAN=1").contains("SS_MEM_LEAN is not a HAKMEM_* override"));
        assertTrue(msg("hakmem:SAFE,HAKMEM_X").contains("'HAKMEM_X' is not HAKMEM_NAME=VALUE"));
        assertTrue(msg("mimalloc:SAFE").contains("mimalloc has no profiles"));
        assertTrue(msg("mimalloc,HAKMEM_X=1").contains("only applies to hakmem"));
        assertTrue(msg("hakmem,HAKMEM_X=1,HAKMEM_X=2").contains("given twice"));
        assertTrue(msg(":SAFE").contains("no allocator"));
        assertTrue(msg("hakmem,HAKMEM_PROFILE=X").contains("give the profile after ':'"));
    }

    private static String msg(String spec) {
        return assertThrows(IllegalArgumentException.class, () -> AbSpec.parse(spec, PROFILES, "hakmem")).getMessage();
    }
}
