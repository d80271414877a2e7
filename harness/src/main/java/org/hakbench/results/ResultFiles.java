package org.hakbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Naming, discovery and loading of result files in a results directory.
 *
 * <p>File names are {@code <kind>-<yyyyMMdd'T'HHmmss'Z'>[-n].<ext>} in UTC, so names sort by time and
 * files of one kind are found by prefix. A second file of the same kind within one second gets a
 * {@code -2}, {@code -3}, ... suffix instead of overwriting the first.
 */
public final class ResultFiles {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern NAME = Pattern.compile("(?<kind>[a-z0-9-]+?)-(?<stamp>\\d{8}T\\d{6}Z)(?:-(?<n>\\d+))?\\.json");

    private ResultFiles() {
    }

    /** The UTC timestamp used in file names, e.g. {@code 20261122T013000Z}. */
    public static String stamp(Instant instant) {
        return STAMP.format(instant);
    }

    /**
     * A new {@code .json} result file of {@code kind} created at {@code createdAt}, reserved by creating
     * it empty (the atomic write then replaces it). Siblings (markdown, CSV) use
     * {@link #sibling(Path, String)} so they share the stem.
     */
    public static Path newJsonFile(Path dir, String kind, Instant createdAt) {
        checkKind(kind);
        String stem = kind + "-" + stamp(createdAt);
        try {
            Files.createDirectories(dir);
            // create-exclusive, not check-then-write: two runs in one second can never pick one name
            for (int n = 1; ; n++) {
                Path candidate = dir.resolve(n == 1 ? stem + ".json" : stem + "-" + n + ".json");
                try {
                    Files.createFile(candidate);
                    return candidate;
                } catch (java.nio.file.FileAlreadyExistsException taken) {
                    // next number
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a result file in " + dir + ": " + e.getMessage(), e);
        }
    }

    /**
     * A results directory a command reads: a typo must not read as "no results yet", so a
     * directory that does not exist is bad input (IllegalArgumentException naming it).
     */
    public static void checkReadableDir(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalArgumentException("--results=" + dir + ": " + (Files.exists(dir) ? "not a directory" : "no such directory"));
        }
    }

    /**
     * Writes value into a file {@link #newJsonFile} reserved; if that fails, the reservation is
     * given back (the empty file deleted) so no empty result is left for readers to skip.
     */
    public static void writeReserved(Path reserved, Object value) {
        try {
            Json.writeFile(reserved, value);
        } catch (RuntimeException e) {
            releaseIfEmpty(reserved);
            throw e;
        }
    }

    /**
     * Deletes a reserved result file that was never written (still empty): a command that failed
     * before writing its result leaves nothing behind. A file with content is never touched.
     */
    public static void releaseIfEmpty(Path reserved) {
        try {
            if (Files.isRegularFile(reserved, java.nio.file.LinkOption.NOFOLLOW_LINKS) && Files.size(reserved) == 0) {
                Files.delete(reserved);
            }
        } catch (IOException e) {
            // left behind empty: readers skip it with a warning naming it
        }
    }

    /** {@code rebase-20261122T013000Z.json} + {@code ".md"} -> {@code rebase-20261122T013000Z.md}. */
    public static Path sibling(Path jsonFile, String extension) {
        String name = jsonFile.getFileName().toString();
        String stem = name.endsWith(".json") ? name.substring(0, name.length() - ".json".length()) : name;
        return jsonFile.resolveSibling(stem + extension);
    }

    /** Result files of {@code kind} in {@code dir}, newest first; empty when the directory does not exist. */
    public static List<Path> list(Path dir, String kind) {
        checkKind(kind);
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            files.forEach(file -> {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && m.group("kind").equals(kind)) {
                    found.add(file);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
        }
        found.sort(Comparator.comparing(ResultFiles::sortKey).reversed());
        return found;
    }

    /**
     * Loads one result file, refusing a file of another kind, of a newer schema version than
     * {@code schema}, or corrupt JSON, with an IllegalArgumentException that names the file. Older
     * schema versions load: a version only ever adds fields, which such files lack (null).
     */
    public static <T extends ResultEnvelope> T load(Path file, Class<T> type, String kind, int schema) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
        JsonNode root = Json.tree(text, file.toString());
        JsonNode schemaNode = root.get("schema");
        JsonNode kindNode = root.get("kind");
        if (schemaNode == null || !schemaNode.isInt()) {
            throw new IllegalArgumentException(file + ": no integer \"schema\" field; not a hakbench result file");
        }
        if (kindNode == null || !kind.equals(kindNode.asText())) {
            throw new IllegalArgumentException(file + ": kind=" + (kindNode == null ? "(missing)" : kindNode.asText()) + ", expected kind=" + kind);
        }
        if (schemaNode.intValue() < 1 || schemaNode.intValue() > schema) {
            throw new IllegalArgumentException(file + ": schema=" + schemaNode.intValue() + ", this hakbench reads " + kind
                    + " schema 1.." + schema);
        }
        return Json.convert(root, type, file.toString());
    }

    /**
     * Loads each file with {@code loader}, skipping one that does not load (corrupt JSON, another kind,
     * a newer schema, unreadable): "FILE: reason" goes to {@code skipped}, so one bad file never hides
     * the others. With {@code strict} the first such file is thrown instead.
     */
    public static <T> List<T> loadSkipping(List<Path> files, java.util.function.Function<Path, T> loader, boolean strict,
                                           List<String> skipped) {
        List<T> out = new java.util.ArrayList<>();
        for (Path f : files) {
            try {
                out.add(loader.apply(f));
            } catch (IllegalArgumentException | UncheckedIOException e) {
                if (strict) {
                    throw new IllegalArgumentException(e.getMessage() + " (--strict: no file is skipped)", e);
                }
                String message = e.getMessage();
                skipped.add(message != null && message.startsWith(f.toString()) ? message : f + ": " + message);
            }
        }
        return out;
    }

    /** Every result of {@code kind} in {@code dir}, newest first; any bad file aborts with its name. */
    public static <T extends ResultEnvelope> List<T> loadAll(Path dir, String kind, Class<T> type, int schema) {
        return list(dir, kind).stream().map(f -> load(f, type, kind, schema)).toList();
    }

    /** The newest result of {@code kind} in {@code dir}, if any. */
    public static <T extends ResultEnvelope> Optional<T> latest(Path dir, String kind, Class<T> type, int schema) {
        List<Path> files = list(dir, kind);
        return files.isEmpty() ? Optional.empty() : Optional.of(load(files.getFirst(), type, kind, schema));
    }

    private static String sortKey(Path file) {
        Matcher m = NAME.matcher(file.getFileName().toString());
        if (!m.matches()) {
            throw new IllegalStateException("listed a file that does not match: " + file);
        }
        String n = m.group("n") == null ? "1" : m.group("n");
        return m.group("stamp") + "-" + "0".repeat(Math.max(0, 6 - n.length())) + n;
    }

    private static void checkKind(String kind) {
        if (kind == null || !kind.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            throw new IllegalArgumentException("kind=" + kind + ": must be lower-case letters, digits and single dashes");
        }
    }
}
