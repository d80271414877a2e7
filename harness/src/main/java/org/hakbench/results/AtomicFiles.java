package org.hakbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files so that a reader (or a crash) never sees half a file: the bytes go to a temporary file
 * in the same directory, which is then renamed over the target with {@code ATOMIC_MOVE}.
 */
public final class AtomicFiles {

    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code file} atomically, creating parent directories. */
    public static void writeString(Path file, String text) throws IOException {
        writeBytes(file, text.getBytes(StandardCharsets.UTF_8));
    }

    /** Writes {@code bytes} to {@code file} atomically, creating parent directories. */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Same directory as the target: a rename across file systems would not be atomic.
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            Files.write(tmp, bytes);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system of " + dir + " cannot rename atomically; refusing a non-atomic write of " + target, e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Checks that {@code dir} exists or can be created and that a file can be written in it; returns
     * a message naming the problem, or {@code null} when it is writable. Call before a long run so
     * an unwritable results directory is reported before any work is done.
     */
    public static String checkWritableDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
            Path probe = Files.createTempFile(dir, ".write-probe", ".tmp");
            Files.delete(probe);
            return null;
        } catch (IOException | SecurityException e) {
            return dir + " is not a writable directory (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }
}
