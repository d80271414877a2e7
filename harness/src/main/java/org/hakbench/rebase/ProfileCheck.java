package org.hakbench.rebase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Checks a --profile value before any child starts. */
final class ProfileCheck {

    private ProfileCheck() {
    }

    /** Null (the allocator's default) passes; an unknown name -> IllegalArgumentException naming --profile. */
    static void check(String profile) {
        if (profile == null) {
            return;
        }
        List<String> known = knownProfiles();
        if (!known.contains(profile)) {
            throw new IllegalArgumentException("--profile=" + profile + ": unknown profile; known: " + String.join(", ", known));
        }
    }

    /** Profile names: files profiles/NAME.properties in the working directory or a parent of it. */
    static List<String> knownProfiles() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path profiles = dir.resolve("profiles");
            if (Files.isDirectory(profiles)) {
                try (Stream<Path> files = Files.list(profiles)) {
                    return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".properties"))
                            .map(n -> n.substring(0, n.length() - ".properties".length())).sorted().toList();
                } catch (IOException e) {
                    return List.of();
                }
            }
        }
        return List.of();
    }
}
