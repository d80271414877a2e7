package org.hakbench.results;

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


/**
 * A measuring command's journal, {@code <kind>-<UTC>.journal.jsonl} beside its result JSON: one JSON line
 * per finished run, appended and fsynced as it finishes, so a crash, a kill -9 or a full disk loses at
 * most the run in flight. The result is assembled from the journal's lines; once the result files are
 * written the journal is deleted. Used by rebase, ab and scale.
 *
 * @param <T> the type of one line
 */
public final class RunJournal<T> implements AutoCloseable {
    private final Path file;
    private final Class<T> type;
    private final FileChannel channel;
    /** The result file this journal is beside, when it reserved one ({@link #beside}). */
    private final Path reserved;
    private int appended;

    /** The journal of the result file {@code json}: its sibling {@code .journal.jsonl}, created new. */
    public static <T> RunJournal<T> beside(Path json, Class<T> type) {
        return new RunJournal<>(ResultFiles.sibling(json, ".journal.jsonl"), type, json);
    }

    RunJournal(Path file, Class<T> type) {
        this(file, type, null);
    }

    private RunJournal(Path file, Class<T> type, Path reserved) {
        this.type = type;
        this.file = file;
        this.reserved = reserved;
        try {
            this.channel = FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    public Path file() {
        return file;
    }

    /** Appends one run and forces it to disk; a failure (a full disk) names the journal and what it holds. */
    public void append(T entry, int runsHeld) {
        ByteBuffer line = ByteBuffer.wrap((Json.line(entry) + "\n").getBytes(StandardCharsets.UTF_8));
        try {
            while (line.hasRemaining()) {
                channel.write(line);
            }
            channel.force(false);
            appended++;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot append to the run journal " + file + " (" + e.getMessage() + "); the "
                    + runsHeld + " run(s) finished before are in it", e);
        }
    }

    /** Every complete line so far; a line cut off by a crash is left out. */
    public List<T> read() {
        return read(file, type);
    }

    /** Every complete line of a journal; a line cut off by a crash is left out. */
    public static <T> List<T> read(Path file, Class<T> type) {
        List<T> entries = new ArrayList<>();
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int end = text.lastIndexOf('\n');
            if (end < 0) {
                return entries;
            }
            for (String line : text.substring(0, end).split("\n")) {
                if (!line.isBlank()) {
                    entries.add(Json.read(line, type, file.toString()));
                }
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the run journal " + file + ": " + e.getMessage(), e);
        }
    }

    public void delete() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // a leftover journal is harmless: the JSON holds the same runs
        }
    }

    /**
     * Closes the journal. A command that ends (fails, or is stopped) before any run finished leaves
     * nothing behind: the empty journal and the still-empty result file it reserved are deleted. A
     * journal that holds runs is kept, with the reserved name beside it, for the user to recover.
     */
    @Override
    public void close() {
        try {
            channel.close();
        } catch (IOException e) {
            // closing after force: nothing left to lose
        }
        if (appended == 0) {
            delete();
            if (reserved != null) {
                ResultFiles.releaseIfEmpty(reserved);
            }
        }
    }
}
