package org.hakbench.results;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonIgnore;
import org.hakbench.adapters.Allocators;
import org.hakbench.adapters.Dpkg;

/**
 * Where a result was measured. Figures are only comparable between results with the same {@link #id()}.
 *
 * @param cpuModel       "model name" from /proc/cpuinfo ("unknown" if unreadable)
 * @param cores          processors available to the JVM
 * @param kernel         os.version (the Linux kernel release)
 * @param os             distribution (PRETTY_NAME of /etc/os-release) and architecture
 * @param jdkVersion     Runtime.version() of the JVM that measured
 * @param jdkVendor      java.vm.vendor
 * @param libraries      Debian package -> version for libc6 and every competitor allocator package installed
 * @param gitCommit      HEAD of the repository hakbench ran in, with "-dirty" when it has local changes; null outside git
 */
public record MachineFingerprint(String cpuModel, int cores, String kernel, String os, String jdkVersion,
                                 String jdkVendor, SortedMap<String, String> libraries, String gitCommit) {

    public MachineFingerprint {
        libraries = libraries == null ? new TreeMap<>() : new TreeMap<>(libraries);
    }

    /**
     * The machine class under a runner label: a 12-hex-digit hash of the label, the CPU model, the
     * cores and the kernel's major version. Hosted CI runners are a new VM every night (another
     * {@link #id()} each time, so every night would adopt a new baseline and never judge); their
     * class stays the same while what they measure stays comparable.
     */
    public String classId(String runnerLabel) {
        String kernelMajor = kernel.split("[^0-9]", 2)[0];
        return sha256Prefix(String.join("|", runnerLabel, cpuModel, Integer.toString(cores), kernelMajor));
    }

    private static String sha256Prefix(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /**
     * A stable 12-hex-digit hash of everything that changes what is measured (CPU, cores, kernel, OS,
     * JDK, library versions), not of the git commit: results of two commits on one machine share an id.
     */
    @JsonIgnore
    public String id() {
        String key = String.join("|", cpuModel, Integer.toString(cores), kernel, os, jdkVersion, jdkVendor, libraries.toString());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every JDK", e);
        }
    }

    /** Fingerprints this process's machine; the git commit is that of {@code repositoryDir} (may be null). */
    public static MachineFingerprint capture(Path repositoryDir) {
        List<String> packages = new java.util.ArrayList<>(Allocators.debianPackages());
        packages.add("libc6");
        return new MachineFingerprint(
                readCpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("os.version"),
                readOsName() + " " + System.getProperty("os.arch"),
                Runtime.version().toString(),
                System.getProperty("java.vm.vendor"),
                new TreeMap<>(Dpkg.versions(packages)),
                repositoryDir == null ? null : readGitCommit(repositoryDir));
    }

    /**
     * Fingerprints this machine with the git commit of the hakbench checkout it runs from (found from
     * the location of its jar or classes, so the working directory does not matter).
     */
    public static MachineFingerprint capture() {
        return capture(codeDirectory());
    }

    private static Path codeDirectory() {
        try {
            Path code = Path.of(MachineFingerprint.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return Files.isDirectory(code) ? code : code.getParent();
        } catch (java.net.URISyntaxException | RuntimeException e) {
            return Path.of("").toAbsolutePath();
        }
    }

    private static String readCpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (IOException e) {
            // not Linux, or /proc hidden: recorded as unknown below
        }
        return "unknown";
    }

    private static String readOsName() {
        try {
            for (String line : Files.readAllLines(Path.of("/etc/os-release"))) {
                if (line.startsWith("PRETTY_NAME=")) {
                    return line.substring("PRETTY_NAME=".length()).replace("\"", "");
                }
            }
        } catch (IOException e) {
            // fall back to the JVM's name below
        }
        return System.getProperty("os.name");
    }

    private static String readGitCommit(Path dir) {
        String head = git(dir, "rev-parse", "HEAD");
        if (head == null || head.isBlank()) {
            return null;
        }
        String status = git(dir, "status", "--porcelain", "--untracked-files=no");
        return head.strip() + (status != null && !status.isBlank() ? "-dirty" : "");
    }

    private static String git(Path dir, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        return org.hakbench.child.CommandOutput.run(command, java.time.Duration.ofSeconds(10));
    }

    /** For tests and tools: a copy with other library versions. */
    public MachineFingerprint withLibraries(Map<String, String> other) {
        return new MachineFingerprint(cpuModel, cores, kernel, os, jdkVersion, jdkVendor, new TreeMap<>(other), gitCommit);
    }
}
