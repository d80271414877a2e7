package org.hakbench.rebase;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import org.hakbench.results.Json;

/**
 * The rebase's journal, {@code rebase-<UTC>.journal.jsonl} beside its JSON: one line per finished run,
 * appended and fsynced as it finishes, so a crash, a kill -9 or a full disk loses at most the run in
 * flight. The report is assembled from the journal's lines; once the JSON and markdown are written the
 * journal is deleted. Lines are {@link Entry} records in JSON.
 */
final class RunJournal implements AutoCloseable {
    /** One finished run: {@code phase} "timed" or "syscalls". */
    record Entry(String phase, RebaseReport.RunRecord run) {
    }

    static final String TIMED = "timed";
    static final String SYSCALLS = "syscalls";

    private final Path file;
    private final FileChannel channel;

    RunJournal(Path file) {
        this.file = file;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    Path file() {
        return file;
    }

    /** Appends one run and forces it to disk; a failure (a full disk) names the journal and what it holds. */
    void append(String phase, RebaseReport.RunRecord run, int runsHeld) {
        ByteBuffer line = ByteBuffer.wrap((Json.line(new Entry(phase, run)) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the run journal " + file + " (" + e.getMessage() + "); the "
                    + runsHeld + " run(s) finished before are in it", e);
        }
    }

    /** Every complete line of a journal; a line cut off by a crash is left out. */
    static List<Entry> read(Path file) {
        List<Entry> entries = new ArrayList<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return entries;
            }
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isBlank()) {
                    entries.add(Json.read(line, Entry.class, file.toString()));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover journal is harmless: the JSON holds the same runs
        }
    }

    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing after force: nothing left to lose
        }
    }
}
