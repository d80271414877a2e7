package org.hakbench.soak;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.hakbench.analyze.EpochCsvReader;

/**
 * Follows the epoch CSV the soak child is writing, for the progress display: each {@link #poll()}
 * returns the rows completed since the last call. Only whole lines are taken; a missing file (child
 * still starting) gives no rows.
 */
final class EpochCsvTail {
    private final Path file;
    private long offset;
    private final StringBuilder partial = new StringBuilder();

    EpochCsvTail(Path file) {
        this.file = file;
    }

    List<EpochRow> poll() {
        List<EpochRow> rows = new ArrayList<>();
        if (!Files.exists(file)) {
            return rows;
        }
        try (RandomAccessFile in = new RandomAccessFile(file.toFile(), "r")) {
            long length = in.length();
            if (length <= offset) {
                return rows;
            }
            byte[] bytes = new byte[(int) Math.min(length - offset, 1 << 20)];
            in.seek(offset);
            in.readFully(bytes);
            offset += bytes.length;
            partial.append(new String(bytes, StandardCharsets.UTF_8));
        } catch (IOException e) {
            return rows; // progress only: the analysis reads the file properly at the end
        }
        int end;
        while ((end = partial.indexOf("\n")) >= 0) {
            EpochRow row = EpochCsvReader.parseWrittenLine(partial.substring(0, end));
            if (row != null) {
                rows.add(row);
            }
            partial.delete(0, end + 1);
        }
        return rows;
    }
}
