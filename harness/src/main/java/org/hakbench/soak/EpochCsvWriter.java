package org.hakbench.soak;

import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;
import java.util.SortedMap;

/**
 * Writes a soak epoch CSV: {@code # key=value} header comments, the column line, then one line per
 * completed epoch. Every call ends with a flush to the OS, so when the writing process is killed (even
 * with SIGKILL) every completed epoch is already in the file; at worst the line being written is cut,
 * which the reader reports and skips.
 */
public final class EpochCsvWriter implements Closeable {
    private final Path file;
    private final Writer writer;

    /**
     * Creates {@code file} (it must not exist: a soak never overwrites an earlier soak) and writes the
     * header: {@code schema} first, then {@code header} in key order, then the column line.
     */
    public EpochCsvWriter(Path file, SortedMap<String, String> header) throws IOException {
        this.file = file;
        this.writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        StringBuilder sb = new StringBuilder();
        sb.append("# schema=").append(EpochColumn.SCHEMA).append('\n');
        for (Map.Entry<String, String> e : header.entrySet()) {
            checkHeaderEntry(e.getKey(), e.getValue());
            sb.append("# ").append(e.getKey()).append('=').append(e.getValue()).append('\n');
        }
        sb.append(EpochColumn.headerLine()).append('\n');
        writer.write(sb.toString());
        writer.flush();
    }

    private static void checkHeaderEntry(String key, String value) {
        if (key.isEmpty() || key.contains("=") || key.contains("\n") || key.equals("schema")) {
            throw new IllegalArgumentException("bad soak CSV header key: key=" + key);
        }
        if (value.contains("\n") || value.contains("\r")) {
            throw new IllegalArgumentException("soak CSV header value contains a line break: " + key + "=" + value);
        }
    }

    /** Appends one epoch and flushes it to the OS (one write call per row). */
    public void append(EpochRow row) throws IOException {
        writer.write(row.csvLine() + "\n");
        writer.flush();
    }

    public Path file() {
        return file;
    }

    @Override
    public void close() throws IOException {
        writer.close();
    }
}
