package org.hakbench.results;

import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;

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

    /**
     * Writes {@code bytes} to {@code file} atomically and durably, creating parent directories: a
     * temporary file in the same directory (created plainly, so it gets the umask's mode, 0644 under
     * the usual 022, not a temp file's 0600) is written and fsynced, renamed over the target, and the
     * directory is fsynced, so after a crash the file is either the old one or the whole new one.
     * When {@code file} is a symbolic link the write goes through it to the file it names: the link stays.
     */
    public static void writeBytes(Path file, byte[] bytes) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isSymbolicLink(target)) {
            target = target.getParent().resolve(Files.readSymbolicLink(target)).normalize();
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        // Same directory as the target: a rename across file systems would not be atomic.
        Path tmp = dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                + TEMP_COUNTER.incrementAndGet() + ".tmp");
        try {
            try (FileChannel out = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("file system of " + dir + " cannot rename atomically; refusing a non-atomic write of " + target, e);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static final java.util.concurrent.atomic.AtomicLong TEMP_COUNTER = new java.util.concurrent.atomic.AtomicLong();

    /** fsync of a directory makes a rename in it durable; file systems that refuse it are left as they are. */
    static void syncDirectory(Path dir) {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            // some file systems do not sync directories; the rename is still atomic there
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
