package org.hakbench.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How result files are written: unique names under concurrency, the umask's mode, symlinks written through. */
class ResultFileWritesTest {
    @TempDir
    Path dir;

    @Test
    void runsInTheSameSecondNeverPickTheSameName() throws Exception {
        Instant same = Instant.parse("2026-12-03T10:00:00Z");
        Set<Path> names = ConcurrentHashMap.newKeySet();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> all = new java.util.ArrayList<>();
            for (int i = 0; i < 40; i++) {
                all.add(pool.submit(() -> {
                    go.await();
                    names.add(ResultFiles.newJsonFile(dir, "rebase", same));
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> f : all) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(40, names.size(), "before: check-then-write handed out one name twice");
    }

    @Test
    void writtenFilesGetTheUmasksModeNotATempFilesOwnerOnlyMode() throws Exception {
        Path plain = Files.createFile(dir.resolve("plain"));
        Path written = dir.resolve("written.json");
        AtomicFiles.writeString(written, "{}");
        Set<PosixFilePermission> mode = Files.getPosixFilePermissions(written);
        assertEquals(Files.getPosixFilePermissions(plain), mode);
        assertTrue(mode.contains(PosixFilePermission.OTHERS_READ) || !Files.getPosixFilePermissions(plain).contains(PosixFilePermission.OTHERS_READ));
        try (var files = Files.list(dir)) {
            assertEquals(List.of("plain", "written.json"), files.map(p -> p.getFileName().toString()).sorted().toList(), "no temp file left");
        }
    }

    @Test
    void aSymlinkedFileIsWrittenThroughAndStaysALink() throws Exception {
        Path real = Files.writeString(Files.createDirectories(dir.resolve("elsewhere")).resolve("SCORECARD.md"), "old");
        Path link = Files.createSymbolicLink(dir.resolve("SCORECARD.md"), Path.of("elsewhere", "SCORECARD.md"));
        AtomicFiles.writeString(link, "new");
        assertTrue(Files.isSymbolicLink(link), "before: the link was replaced by a plain file");
        assertEquals("new", Files.readString(real));
    }

    /** A value whose serialisation fails, as a write that fails half-way would. */
    public record Unwritable(String name) {
        public String getBoom() {
            throw new IllegalStateException("boom");
        }

        @com.fasterxml.jackson.annotation.JsonProperty("boom")
        public String boom() {
            throw new IllegalStateException("boom");
        }
    }

    @Test
    void aFailedWriteGivesTheReservedNameBackInsteadOfLeavingAnEmptyResult() throws Exception {
        Path reserved = ResultFiles.newJsonFile(dir, "verdict", Instant.parse("2026-12-04T10:00:00Z"));
        org.junit.jupiter.api.Assertions.assertThrows(RuntimeException.class, () -> ResultFiles.writeReserved(reserved, new Unwritable("x")));
        assertEquals(List.of(), listNames(), "before: an empty verdict-<UTC>.json stayed behind");
    }

    @Test
    void aJournalThatHeldNoRunLeavesNothingBehindAndOneThatHeldRunsKeepsBoth() throws Exception {
        Path empty = ResultFiles.newJsonFile(dir, "rebase", Instant.parse("2026-12-04T10:00:00Z"));
        RunJournal.beside(empty, String.class).close();   // the command failed before its first run ended
        assertEquals(List.of(), listNames());

        Path held = ResultFiles.newJsonFile(dir, "rebase", Instant.parse("2026-12-04T10:00:01Z"));
        try (RunJournal<String> journal = RunJournal.beside(held, String.class)) {
            journal.append("run 1", 0);
        }
        assertEquals(List.of("rebase-20261204T100001Z.journal.jsonl", "rebase-20261204T100001Z.json"), listNames(),
                "a journal with runs is kept for recovery, with the name it belongs to");
    }

    private List<String> listNames() throws java.io.IOException {
        try (var files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
