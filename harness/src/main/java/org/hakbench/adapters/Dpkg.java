package org.hakbench.adapters;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Installed Debian package versions, via {@code dpkg-query}. On a machine without dpkg every
 * package reads as not installed (an empty map), never as an error: versions are provenance, not
 * a precondition.
 */
public final class Dpkg {

    private static final long TIMEOUT_SECONDS = 10;

    private Dpkg() {
    }

    /** Package -> version for every installed package of {@code packages}; missing ones are absent. */
    public static Map<String, String> versions(Collection<String> packages) {
        Map<String, String> found = new TreeMap<>();
        if (packages.isEmpty()) {
            return found;
        }
        List<String> command = new ArrayList<>(List.of("dpkg-query", "-W", "-f=${Package}\t${Status}\t${Version}\n"));
        command.addAll(packages);
        for (String line : output(command).split("\n")) {
            String[] fields = line.split("\t");
            // dpkg-query also lists removed-but-configured packages; only "install ok installed" counts.
            if (fields.length == 3 && fields[1].endsWith(" installed") && !fields[2].isBlank()) {
                found.put(fields[0].replaceFirst(":.*", ""), fields[2]);
            }
        }
        return found;
    }

    /** The version of one package, or {@code null} when it is not installed (or dpkg is absent). */
    public static String version(String debianPackage) {
        return versions(List.of(debianPackage)).get(debianPackage);
    }

    private static String output(List<String> command) {
        String out = org.hakbench.child.CommandOutput.run(command, java.time.Duration.ofSeconds(TIMEOUT_SECONDS));
        return out == null ? "" : out;
    }
}
