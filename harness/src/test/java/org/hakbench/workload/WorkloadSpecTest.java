package org.hakbench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.hakbench.results.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkloadSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "larson|bogus|1|unknown parameter bogus",
            "larson|ws|0|ws=0",
            "larson|minSize|2000|minSize=2000 must be <= maxSize=1000",
            "larson|maxSize|2000000|maxSize=2000000",
            "cache-thrash|objectSize|0|objectSize=0",
            "xmalloc|batchSize|0|batchSize=0"})
    void badParametersAreNamed(String workload, String key, long value, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSpec.of(WorkloadKind.parse(workload), 1, 10, 0, 0, 1, false, Map.of(key, value)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void lengthIsExactlyItersOrDuration() {
        assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.of(WorkloadKind.LARSON, 1, 10, 10, 0, 1, false, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.of(WorkloadKind.LARSON, 1, 0, 0, 0, 1, false, Map.of()));
        assertThrows(IllegalArgumentException.class, () -> WorkloadSpec.of(WorkloadKind.LARSON, 0, 10, 0, 0, 1, false, Map.of()));
    }

    @Test
    void xmallocAcceptsMixedSizesAndGlibcThreadRefusesVerification() {
        assertEquals(0, WorkloadSpec.of(WorkloadKind.XMALLOC, 1, 10, 0, 0, 1, false, Map.of("objectSize", 0L)).param("objectSize"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WorkloadSpec.of(WorkloadKind.GLIBC_THREAD, 1, 10, 0, 0, 1, true, Map.of()));
        assertTrue(e.getMessage().contains("verify"), e.getMessage());
    }

    @Test
    void unknownWorkloadListsTheKnownOnesAndPointsRandomMixedToGlibcThread() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> WorkloadKind.parse("random_mixed"));
        assertTrue(e.getMessage().contains("glibc-thread") && e.getMessage().contains("cache-scratch"), e.getMessage());
    }

    @Test
    void specSurvivesJsonWithWorkloadNamesAsTyped() {
        WorkloadSpec spec = WorkloadSpec.of(WorkloadKind.CACHE_SCRATCH, 3, 0, 1500, 20, 9, true, Map.of("repetitions", 5L));
        String json = Json.line(spec);
        assertTrue(json.contains("\"kind\":\"cache-scratch\""), json);
        assertEquals(spec, Json.read(json, WorkloadSpec.class, "test"));
    }

    @Test
    void threadSeedsDifferAndAreNeverZero() {
        long a = Xorshift.threadState(42, 0);
        long b = Xorshift.threadState(42, 1);
        assertTrue(a != b && a != 0 && b != 0);
        assertEquals(1, Xorshift.initialState(0));
    }
}
