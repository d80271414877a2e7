package org.hakbench.results;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one Jackson configuration of hakbench. Every result file and every child-JVM result line goes
 * through it, so files stay byte-comparable across subcommands.
 *
 * <p>Invariants: records serialize their components in declaration order (so a record's layout is
 * the file's layout); map entries are sorted by key; {@code java.time} values are ISO-8601 strings,
 * never epoch numbers; unknown properties are an error when reading (a typo in a hand-edited file is
 * reported, not ignored).
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private Json() {
    }

    /** The shared mapper; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /** Pretty-printed JSON with a trailing newline, as written to result files. */
    public static String pretty(Object value) {
        try {
            return MAPPER.writeValueAsString(value) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Single-line JSON (no newline inside), as printed by child JVMs on stdout. */
    public static String line(Object value) {
        try {
            return MAPPER.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Parses {@code text} into {@code type}; bad JSON or a mismatch -> IllegalArgumentException naming {@code source}. */
    public static <T> T read(String text, Class<T> type, String source) {
        return convert(tree(text, source), type, source);
    }

    /** Parses a tree; bad JSON -> IllegalArgumentException naming {@code source}. */
    public static JsonNode tree(String text, String source) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": corrupt JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Converts a parsed tree into {@code type}; mismatch -> IllegalArgumentException naming {@code source}. */
    public static <T> T convert(JsonNode node, Class<T> type, String source) {
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not a valid " + type.getSimpleName() + ": " + e.getOriginalMessage(), e);
        }
    }

    /** Writes {@code value} pretty-printed to {@code file} atomically (see {@link AtomicFiles}). */
    public static void writeFile(Path file, Object value) {
        try {
            AtomicFiles.writeString(file, pretty(value));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
