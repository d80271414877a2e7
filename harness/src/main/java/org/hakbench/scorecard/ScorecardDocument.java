package org.hakbench.scorecard;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SequencedMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A markdown file with managed blocks between {@code <!-- hakbench:begin NAME -->} and
 * {@code <!-- hakbench:end NAME -->} lines. Only the text between a pair of markers is ever replaced;
 * every other byte of the file (hand-written text, the markers themselves) is kept as it was.
 *
 * <p>Invariant of a parsed document: markers come in begin/end pairs of the same name, do not nest,
 * and no name appears twice. Anything else is refused at parse time.
 */
public final class ScorecardDocument {

    private static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*hakbench:(begin|end)\\s+(\\S*)\\s*-->\\s*$");

    /** A piece of the file: either hand-written text or the body of a managed block. */
    private record Part(String blockName, String text) {
    }

    private final List<Part> parts;

    private ScorecardDocument(List<Part> parts) {
        this.parts = List.copyOf(parts);
    }

    /** An empty document (for a file that does not exist yet). */
    public static ScorecardDocument empty() {
        return new ScorecardDocument(List.of());
    }

    /** Parses {@code text}; {@code file} is named in errors. */
    public static ScorecardDocument parse(Path file, String text) {
        List<Part> parts = new ArrayList<>();
        Map<String, Integer> seenAtLine = new LinkedHashMap<>();
        StringBuilder current = new StringBuilder();
        String open = null;
        int openLine = 0;
        String[] lines = text.split("(?<=\n)", -1);
        int lineNo = 0;
        for (String line : lines) {
            if (line.isEmpty()) {
                continue;
            }
            lineNo++;
            Matcher m = MARKER.matcher(line.stripTrailing());
            if (!m.matches()) {
                current.append(line);
                continue;
            }
            String kind = m.group(1);
            String name = m.group(2);
            if (name.isEmpty()) {
                throw new ScorecardFormatException(file, lineNo, "marker 'hakbench:" + kind + "' without a block name");
            }
            if (kind.equals("begin")) {
                if (open != null) {
                    throw new ScorecardFormatException(file, lineNo, "block '" + name + "' begins inside block '" + open
                            + "' (opened at line " + openLine + ", never closed)");
                }
                if (seenAtLine.containsKey(name)) {
                    throw new ScorecardFormatException(file, lineNo, "block '" + name + "' appears twice (first at line " + seenAtLine.get(name) + ")");
                }
                current.append(line);
                parts.add(new Part(null, current.toString()));
                current.setLength(0);
                open = name;
                openLine = lineNo;
                seenAtLine.put(name, lineNo);
            } else {
                if (open == null) {
                    throw new ScorecardFormatException(file, lineNo, "'hakbench:end " + name + "' without a matching begin");
                }
                if (!open.equals(name)) {
                    throw new ScorecardFormatException(file, lineNo, "'hakbench:end " + name + "' closes block '" + open
                            + "' opened at line " + openLine);
                }
                parts.add(new Part(name, current.toString()));
                current.setLength(0);
                current.append(line);
                open = null;
            }
        }
        if (open != null) {
            throw new ScorecardFormatException(file, openLine, "block '" + open + "' is never closed (no 'hakbench:end " + open + "')");
        }
        parts.add(new Part(null, current.toString()));
        return new ScorecardDocument(parts);
    }

    /** The current body of block {@code name}, if the document has it. */
    public Optional<String> block(String name) {
        return parts.stream().filter(p -> name.equals(p.blockName())).map(Part::text).findFirst();
    }

    /**
     * The document's text with the given blocks' bodies replaced. Blocks the document lacks are appended
     * at the end, each under {@code headings.get(name)}; blocks of the document not given stay as they are.
     */
    public String render(SequencedMap<String, String> bodies, Map<String, String> headings) {
        StringBuilder out = new StringBuilder();
        List<String> present = new ArrayList<>();
        for (Part part : parts) {
            if (part.blockName() == null) {
                out.append(part.text());
            } else {
                present.add(part.blockName());
                String body = bodies.get(part.blockName());
                out.append(body == null ? part.text() : normalized(body));
            }
        }
        for (Map.Entry<String, String> e : bodies.entrySet()) {
            if (present.contains(e.getKey())) {
                continue;
            }
            if (!out.isEmpty() && !out.toString().endsWith("\n")) {
                out.append('\n');
            }
            if (!out.isEmpty()) {
                out.append('\n');
            }
            String heading = headings.get(e.getKey());
            if (heading != null) {
                out.append(heading).append("\n\n");
            }
            out.append("<!-- hakbench:begin ").append(e.getKey()).append(" -->\n")
                    .append(normalized(e.getValue()))
                    .append("<!-- hakbench:end ").append(e.getKey()).append(" -->\n");
        }
        return out.toString();
    }

    /** A body always ends with exactly one newline, so re-rendering never grows or shrinks the file. */
    private static String normalized(String body) {
        String stripped = body.stripTrailing();
        return stripped.isEmpty() ? "" : stripped + "\n";
    }
}
