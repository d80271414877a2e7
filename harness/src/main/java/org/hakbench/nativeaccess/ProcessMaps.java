package org.hakbench.nativeaccess;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Reads /proc/self/maps to tell which mapped file an address belongs to (Linux only). */
public final class ProcessMaps {

    private ProcessMaps() {
    }

    /** The path of the file mapped at {@code address}, or "(anonymous)" / "(unmapped)". */
    public static String fileContaining(long address) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/maps"))) {
                // "start-end perms offset dev inode   path"
                String[] fields = line.trim().split("\\s+", 6);
                String[] range = fields[0].split("-");
                long start = Long.parseUnsignedLong(range[0], 16);
                long end = Long.parseUnsignedLong(range[1], 16);
                if (Long.compareUnsigned(address, start) >= 0 && Long.compareUnsigned(address, end) < 0) {
                    return fields.length == 6 && !fields[5].isBlank() ? fields[5].trim() : "(anonymous)";
                }
            }
            return "(unmapped)";
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read /proc/self/maps: " + e.getMessage(), e);
        }
    }
}
