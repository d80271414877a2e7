package org.hakbench.analyze;

import java.nio.file.Path;
import java.util.List;
import java.util.SortedMap;

import org.hakbench.soak.EpochRow;

/**
 * A soak epoch CSV as read: its {@code # key=value} header, the valid epoch rows in file order, and the
 * lines that were skipped (with reasons) so that a report can say what it did not use.
 */
public record SoakCsv(Path file, SortedMap<String, String> header, List<EpochRow> epochs, List<SkippedLine> skipped) {
    public SoakCsv {
        header = java.util.Collections.unmodifiableSortedMap(new java.util.TreeMap<>(header));
        epochs = List.copyOf(epochs);
        skipped = List.copyOf(skipped);
    }

    /** A short name for plot legends: allocator/profile from the header, else the file name. */
    public String label() {
        String allocator = header.get("allocator");
        if (allocator == null) {
            return file.getFileName().toString();
        }
        String profile = header.get("profile");
        return profile == null || profile.isEmpty() || profile.equals("-") ? allocator : allocator + "/" + profile;
    }
}
