package org.hakbench.scorecard;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Properties;
import java.util.SequencedMap;
import java.util.TreeMap;

/**
 * Targets and milestones the scorecard holds results against, read from a properties file
 * ({@code results/targets.properties}, tracked in git) so they are settable without code changes:
 * <pre>
 * subject=hakmem:MIXED_TINYV3_C7_SAFE      # the configuration the milestones are about
 * reference=mimalloc                       # ratios are subject ops/s / reference ops/s
 * milestone.M1=0.50                        # fraction of the reference's ops/s
 * milestone.M2=0.55
 * syscall.budget.per_op=1e-7               # mmap+munmap+madvise per op, steady state
 * rss.peak.max_mib=35
 * </pre>
 * Soak targets are not here: each soak is judged by {@code hakbench analyze} against its own options.
 */
public record Targets(String subject, String reference, SequencedMap<String, Double> milestones,
                      double syscallBudgetPerOp, double peakRssMaxMiB) {

    /** The seeds' targets: M1 = 50%, M2 = 55% of mimalloc; 1e-7 syscalls/op; RSS < 35 MiB. */
    public static final String DEFAULT_PROPERTIES = """
            # Targets of hakbench scorecard update; edit and re-run `hakbench scorecard update`.
            subject=hakmem:MIXED_TINYV3_C7_SAFE
            reference=mimalloc
            milestone.M1=0.50
            milestone.M2=0.55
            milestone.M3=0.60
            syscall.budget.per_op=1e-7
            rss.peak.max_mib=35
            """;

    public Targets {
        milestones = new LinkedHashMap<>(milestones);
    }

    /** Reads {@code file}; a missing file gives the defaults. Bad value -> exception naming file, key and value. */
    public static Targets read(Path file) {
        Properties p = new Properties();
        try {
            if (Files.exists(file)) {
                try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    p.load(r);
                }
            } else {
                p.load(new java.io.StringReader(DEFAULT_PROPERTIES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read targets file " + file + ": " + e.getMessage(), e);
        }
        String source = Files.exists(file) ? file.toString() : file + " (missing; built-in defaults)";
        TreeMap<Double, String> byFraction = new TreeMap<>();
        for (String key : p.stringPropertyNames()) {
            if (key.startsWith("milestone.")) {
                double fraction = number(p, key, source);
                if (!(fraction > 0)) {
                    throw new IllegalArgumentException(source + ": " + key + "=" + p.getProperty(key) + " must be a fraction > 0 of the reference's ops/s");
                }
                String other = byFraction.put(fraction, key.substring("milestone.".length()));
                if (other != null) {
                    throw new IllegalArgumentException(source + ": " + key + " and milestone." + other + " have the same fraction " + fraction);
                }
            } else if (!KNOWN_KEYS.contains(key)) {
                throw new IllegalArgumentException(source + ": unknown key " + key + "; known keys: milestone.NAME, " + String.join(", ", KNOWN_KEYS));
            }
        }
        LinkedHashMap<String, Double> milestones = new LinkedHashMap<>();
        byFraction.forEach((fraction, name) -> milestones.put(name, fraction));
        return new Targets(text(p, "subject", source), text(p, "reference", source), milestones,
                number(p, "syscall.budget.per_op", source), number(p, "rss.peak.max_mib", source));
    }

    private static final java.util.Set<String> KNOWN_KEYS = new java.util.TreeSet<>(java.util.Set.of(
            "subject", "reference", "syscall.budget.per_op", "rss.peak.max_mib"));

    private static String text(Properties p, String key, String source) {
        String v = p.getProperty(key);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException(source + ": " + key + " is missing");
        }
        return v.trim();
    }

    private static double number(Properties p, String key, String source) {
        String v = text(p, key, source);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) {
                throw new NumberFormatException();
            }
            return d;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(source + ": " + key + "=" + v + " is not a number");
        }
    }
}
