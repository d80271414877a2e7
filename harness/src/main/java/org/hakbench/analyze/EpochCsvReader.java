package org.hakbench.analyze;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.zip.GZIPInputStream;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import org.hakbench.soak.EpochColumn;
import org.hakbench.soak.EpochRow;

/**
 * Reads a soak epoch CSV (format in {@code docs/soak-csv.md}). Columns are found by name, so extra
 * columns and another column order are accepted. A bad data line (wrong field count, a value that is
 * not a number, a cut-off last line, an epoch that does not follow the previous one) is skipped and
 * reported with its line number; a file without a header, without any valid row, or without a
 * required column is a {@link SoakInputException}.
 */
public final class EpochCsvReader {
    private static final Map<EpochColumn, Integer> CANONICAL_INDEX = canonicalIndex();
    /** Fields of one CSV line (RFC 4180 quoting included); the lines themselves are counted here, for the line numbers. */
    private static final ObjectReader FIELDS = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY).readerFor(String[].class);

    private EpochCsvReader() {
    }

    public static SoakCsv read(Path file) {
        String text;
        try {
            text = file.getFileName().toString().endsWith(".gz")
                    ? new String(new GZIPInputStream(Files.newInputStream(file)).readAllBytes(), StandardCharsets.UTF_8)
                    : Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new SoakInputException(file + ": no such file");
        } catch (IOException e) {
            throw new SoakInputException(file + ": cannot read: " + e.getMessage());
        }
        return parse(file, text);
    }

    static SoakCsv parse(Path file, String text) {
        String[] lines = text.split("\n", -1);
        // split leaves "" after a final '\n'; anything else there is a line cut off while being written
        int lineCount = lines.length;
        boolean lastLineUnterminated = !lines[lineCount - 1].isEmpty();
        if (!lastLineUnterminated) {
            lineCount--;
        }
        TreeMap<String, String> header = new TreeMap<>();
        Map<EpochColumn, Integer> index = null;
        int fieldCount = 0;
        List<EpochRow> rows = new ArrayList<>();
        List<SkippedLine> skipped = new ArrayList<>();
        for (int i = 0; i < lineCount; i++) {
            int lineNumber = i + 1;
            String line = stripCr(lines[i]);
            if (line.isBlank()) {
                continue;
            }
            if (line.startsWith("#")) {
                if (index == null) {
                    putHeaderEntry(header, line);
                }
                continue;
            }
            if (index == null) {
                int schemaVersion = checkSchema(file, header);
                String[] names = fields(line);
                index = columnIndex(file, lineNumber, names, schemaVersion);
                fieldCount = names.length;
                continue;
            }
            if (i == lineCount - 1 && lastLineUnterminated) {
                skipped.add(new SkippedLine(lineNumber, "last line has no line end (cut off while being written)"));
                continue;
            }
            String[] fields;
            try {
                fields = fields(line);
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedLine(lineNumber, e.getMessage()));
                continue;
            }
            if (fields.length != fieldCount) {
                skipped.add(new SkippedLine(lineNumber, "expected " + fieldCount + " fields, found " + fields.length));
                continue;
            }
            try {
                EpochRow row = toRow(fields, index);
                if (!rows.isEmpty() && row.epoch() <= rows.getLast().epoch()) {
                    skipped.add(new SkippedLine(lineNumber, "epoch " + row.epoch() + " does not follow epoch " + rows.getLast().epoch()));
                    continue;
                }
                rows.add(row);
            } catch (IllegalArgumentException e) {
                skipped.add(new SkippedLine(lineNumber, e.getMessage()));
            }
        }
        if (index == null) {
            throw new SoakInputException(file + ": empty soak CSV (no column header line)");
        }
        if (rows.isEmpty()) {
            throw new SoakInputException(file + ": no complete epoch row"
                    + (skipped.isEmpty() ? "" : " (" + skipped.size() + " malformed line(s) skipped, first: line "
                    + skipped.getFirst().lineNumber() + ": " + skipped.getFirst().reason() + ")"));
        }
        return new SoakCsv(file, header, rows, skipped);
    }

    /**
     * Parses one data line written by {@code EpochCsvWriter} (columns in {@link EpochColumn} order), for
     * following a soak while it runs; null for a comment, the column line, or a line that does not parse.
     */
    public static EpochRow parseWrittenLine(String line) {
        if (line.startsWith("#")) {
            return null;
        }
        try {
            String[] fields = fields(stripCr(line));
            return fields.length != CANONICAL_INDEX.size() ? null : toRow(fields, CANONICAL_INDEX);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The fields of one line; IllegalArgumentException for a line Jackson's CSV parser refuses (an open quote). */
    private static String[] fields(String line) {
        try (com.fasterxml.jackson.databind.MappingIterator<String[]> rows = FIELDS.readValues(line)) {
            return rows.hasNextValue() ? rows.nextValue() : new String[] {""};
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("not a CSV line: " + e.getMessage().lines().findFirst().orElse(""), e);
        }
    }

    private static String stripCr(String line) {
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static void putHeaderEntry(Map<String, String> header, String line) {
        String body = line.substring(1).strip();
        int eq = body.indexOf('=');
        if (eq > 0) {
            header.put(body.substring(0, eq).strip(), body.substring(eq + 1).strip());
        }
    }

    /** The file's layout version (1 for a file without a schema line, as the first layout wrote it). */
    private static int checkSchema(Path file, Map<String, String> header) {
        String schema = header.get("schema");
        if (schema == null) {
            return 1;
        }
        if (!EpochColumn.READABLE_SCHEMAS.contains(schema)) {
            throw new SoakInputException(file + ": unsupported schema=" + schema + " (this hakbench reads "
                    + String.join(", ", EpochColumn.READABLE_SCHEMAS) + ")");
        }
        return Integer.parseInt(schema.substring(schema.lastIndexOf('/') + 1));
    }

    private static Map<EpochColumn, Integer> canonicalIndex() {
        Map<EpochColumn, Integer> index = new EnumMap<>(EpochColumn.class);
        for (EpochColumn c : EpochColumn.all()) {
            index.put(c, c.ordinal());
        }
        return index;
    }

    private static Map<EpochColumn, Integer> columnIndex(Path file, int lineNumber, String[] names, int schemaVersion) {
        Map<EpochColumn, Integer> index = new EnumMap<>(EpochColumn.class);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip();
            for (EpochColumn c : EpochColumn.all()) {
                if (c.csvName().equals(name)) {
                    index.put(c, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (EpochColumn c : EpochColumn.all()) {
            if (!index.containsKey(c) && c.sinceSchema() <= schemaVersion) {
                missing.add(c.csvName());
            }
        }
        if (!missing.isEmpty()) {
            throw new SoakInputException(file + ": line " + lineNumber + ": missing column(s) " + String.join(", ", missing)
                    + " in header line: " + String.join(",", names));
        }
        return index;
    }

    private static EpochRow toRow(String[] fields, Map<EpochColumn, Integer> index) {
        return new EpochRow(
                (int) requiredLong(fields, index, EpochColumn.EPOCH),
                requiredDouble(fields, index, EpochColumn.ELAPSED_S),
                requiredLong(fields, index, EpochColumn.OPS),
                requiredDouble(fields, index, EpochColumn.OPS_PER_S),
                optionalDouble(fields, index, EpochColumn.CPU_S),
                requiredLong(fields, index, EpochColumn.RSS_KIB),
                optionalLong(fields, index, EpochColumn.BYTES_IN_USE),
                optionalLong(fields, index, EpochColumn.BYTES_MAPPED),
                optionalLong(fields, index, EpochColumn.MMAP_CALLS),
                optionalLong(fields, index, EpochColumn.MUNMAP_CALLS),
                optionalLong(fields, index, EpochColumn.MADVISE_CALLS),
                optionalLong(fields, index, EpochColumn.OS_CALLS),
                requiredLong(fields, index, EpochColumn.LATENCY_SAMPLES),
                optionalLong(fields, index, EpochColumn.P50_NS),
                optionalLong(fields, index, EpochColumn.P90_NS),
                optionalLong(fields, index, EpochColumn.P99_NS),
                optionalLong(fields, index, EpochColumn.P999_NS),
                optionalLong(fields, index, EpochColumn.MAX_NS),
                optionalLong(fields, index, EpochColumn.ALLOC_RESIDENT_BYTES));
    }

    /** The cell; "" (unknown) for a column the file's layout predates. */
    private static String cell(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column) {
        Integer i = index.get(column);
        return i == null ? "" : fields[i].strip();
    }

    private static long requiredLong(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column) {
        return required(column, optionalLong(fields, index, column));
    }

    private static double requiredDouble(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column) {
        return required(column, optionalDouble(fields, index, column));
    }

    private static <T> T required(EpochColumn column, T value) {
        if (value == null) {
            throw new IllegalArgumentException("column " + column.csvName() + " is empty");
        }
        return value;
    }

    private static Long optionalLong(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column) {
        return optional(fields, index, column, Long::valueOf, "an integer");
    }

    private static Double optionalDouble(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column) {
        return optional(fields, index, column, Double::valueOf, "a number");
    }

    /** The cell as a finite, non-negative number; null when empty; IllegalArgumentException naming column and value otherwise. */
    private static <T extends Number> T optional(String[] fields, Map<EpochColumn, Integer> index, EpochColumn column,
            Function<String, T> parse, String what) {
        String s = cell(fields, index, column);
        if (s.isEmpty()) {
            return null;
        }
        T v;
        try {
            v = parse.apply(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("column " + column.csvName() + ": not " + what + ": '" + s + "'");
        }
        if (!Double.isFinite(v.doubleValue()) || v.doubleValue() < 0) {
            throw new IllegalArgumentException("column " + column.csvName() + ": negative or not finite: '" + s + "'");
        }
        return v;
    }
}
