package org.hakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonAndResultFilesTest {

    record Sample(int schema, String kind, Instant createdAt, MachineFingerprint machine, List<Double> values)
            implements ResultEnvelope {
    }

    private static MachineFingerprint machine() {
        return new MachineFingerprint("AMD EPYC", 2, "6.1.0", "Debian 12 amd64", "25+36", "Eclipse Adoptium",
                new TreeMap<>(Map.of("libmimalloc2.0", "2.0.9-3", "libc6", "2.36-9")), "abc123");
    }

    @Test
    void roundTripKeepsEveryFieldAndOrder() {
        Sample s = new Sample(1, "sample", Instant.parse("2026-11-22T01:30:00Z"), machine(), List.of(1.5, 2.5));
        String json = Json.pretty(s);
        assertTrue(json.indexOf("\"schema\"") < json.indexOf("\"kind\"") && json.indexOf("\"kind\"") < json.indexOf("\"createdAt\"")
                && json.indexOf("\"createdAt\"") < json.indexOf("\"machine\""), json);
        assertTrue(json.contains("\"2026-11-22T01:30:00Z\""), json);
        assertTrue(json.indexOf("libc6") < json.indexOf("libmimalloc2.0"), "map keys sorted: " + json);
        assertEquals(s, Json.read(json, Sample.class, "test"));
        assertEquals(s, Json.read(Json.line(s), Sample.class, "test"));
        assertFalse(Json.line(s).contains("\n"));
    }

    @Test
    void fingerprintIdIsStableAndSeparatesMachines() {
        MachineFingerprint m = machine();
        assertEquals(12, m.id().length());
        assertEquals(m.id(), Json.read(Json.pretty(m), MachineFingerprint.class, "t").id());
        assertFalse(m.id().equals(m.withLibraries(Map.of("libmimalloc2.0", "2.1.0")).id()));
        MachineFingerprint here = MachineFingerprint.capture();
        assertTrue(here.cores() >= 1);
        assertFalse(Json.pretty(here).contains("\"id\""), "id is derived, not stored");
    }

    @Test
    void listsNewestFirstAndLoadsWithChecks(@TempDir Path dir) throws IOException {
        Instant t1 = Instant.parse("2026-11-22T01:00:00Z");
        Instant t2 = Instant.parse("2026-11-22T02:00:00Z");
        Path a = ResultFiles.newJsonFile(dir, "sample", t1);
        Json.writeFile(a, new Sample(1, "sample", t1, machine(), List.of(1.0)));
        Path b = ResultFiles.newJsonFile(dir, "sample", t2);
        Json.writeFile(b, new Sample(1, "sample", t2, machine(), List.of(2.0)));
        Path c = ResultFiles.newJsonFile(dir, "sample", t2);
        assertEquals("sample-20261122T020000Z-2.json", c.getFileName().toString());
        Json.writeFile(c, new Sample(1, "sample", t2, machine(), List.of(3.0)));
        Files.writeString(dir.resolve("other-20261122T030000Z.json"), "{}");
        Files.writeString(dir.resolve("notes.txt"), "x");

        assertEquals(List.of(c, b, a), ResultFiles.list(dir, "sample"));
        assertEquals(List.of(3.0), ResultFiles.latest(dir, "sample", Sample.class, 1).orElseThrow().values());
        assertEquals(3, ResultFiles.loadAll(dir, "sample", Sample.class, 1).size());
        assertEquals("sample-20261122T020000Z-2.md", ResultFiles.sibling(c, ".md").getFileName().toString());

        // an older schema loads (versions only add fields); a newer one is refused naming the file
        assertEquals(List.of(1.0), ResultFiles.load(a, Sample.class, "sample", 2).values());
        Files.writeString(a, Files.readString(a).replaceFirst("\"schema\" : 1", "\"schema\" : 3"));
        IllegalArgumentException wrongSchema = assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.load(a, Sample.class, "sample", 2));
        assertTrue(wrongSchema.getMessage().startsWith(a.toString()) && wrongSchema.getMessage().contains("schema=3"), wrongSchema.getMessage());

        Path corrupt = dir.resolve("sample-20261122T040000Z.json");
        Files.writeString(corrupt, "{\"schema\": 1, \"kind\": ");
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ResultFiles.loadAll(dir, "sample", Sample.class, 1));
        assertTrue(bad.getMessage().startsWith(corrupt.toString()), bad.getMessage());
        assertEquals(List.of(), ResultFiles.list(dir.resolve("missing"), "sample"));
    }

    @Test
    void atomicWriteLeavesNoTemporaryFiles(@TempDir Path dir) throws IOException {
        Path f = dir.resolve("sub/x.json");
        AtomicFiles.writeString(f, "one");
        AtomicFiles.writeString(f, "two");
        assertEquals("two", Files.readString(f));
        try (var files = Files.list(f.getParent())) {
            assertEquals(List.of(f), files.toList());
        }
        assertEquals(null, AtomicFiles.checkWritableDirectory(dir));
        Path file = Files.writeString(dir.resolve("plain"), "x");
        assertTrue(AtomicFiles.checkWritableDirectory(file.resolve("under-a-file")).contains("not a writable directory"));
    }
}
