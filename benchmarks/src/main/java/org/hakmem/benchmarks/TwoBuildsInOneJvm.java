package org.hakmem.benchmarks;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Two builds of hakmem in one JVM, each hakbench jar in a class loader of its own (so each has its
 * own default instance and its own compiled loop), running hakbench's random_mixed loop in
 * alternating chunks (A B, B A, ...). Both sides share every stretch of the machine's speed, so the
 * chunk ratios of one JVM agree within a few tenths of a percent; what they share too is one
 * placement of the two copies in memory, which moves the ratio by up to a few percent from one JVM
 * to the next. {@code scripts/duo-ab} therefore runs many JVMs in both orders and combines them.
 * Prints one line: the median and quartiles of B/A over the chunk pairs.
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -Xms512m -Xmx512m -XX:+UseSerialGC \
 *   -cp benchmarks/target/benchmarks.jar org.hakmem.benchmarks.TwoBuildsInOneJvm A.jar B.jar [PAIRS] [WS]
 * </pre>
 */
public final class TwoBuildsInOneJvm {
    private static final long CHUNK_OPS = 20_000_000;
    private static final int EXIT_USAGE = 2;

    private TwoBuildsInOneJvm() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length < 2 || args.length > 4) {
            usage("expected A.jar B.jar [PAIRS] [WS]");
        }
        Path[] jars = {checkJar(args[0]), checkJar(args[1])};
        int pairs = args.length > 2 ? checkPositive("PAIRS", args[2]) : 20;
        int ws = args.length > 3 ? checkPositive("WS", args[3]) : 400;
        MethodHandle[] loops = {loop(jars[0], ws), loop(jars[1], ws)};
        for (MethodHandle loop : loops) {           // warm-up: both compiled before any chunk is timed
            for (int i = 0; i < 1000; i++) {
                long unused = (long) loop.invokeExact(2000L);
            }
            long unused = (long) loop.invokeExact(CHUNK_OPS);
        }
        double[] ratios = new double[pairs];
        for (int p = 0; p < pairs; p++) {
            double[] opsPerSecond = new double[2];
            for (int k = 0; k < 2; k++) {
                int side = (p + k) % 2;              // A B, then B A
                long start = System.nanoTime();
                long unused = (long) loops[side].invokeExact(CHUNK_OPS);
                opsPerSecond[side] = CHUNK_OPS * 1e9 / (System.nanoTime() - start);
            }
            ratios[p] = opsPerSecond[1] / opsPerSecond[0];
        }
        Arrays.sort(ratios);
        System.out.printf(Locale.ROOT, "B/A %.4f q1 %.4f q3 %.4f pairs %d ws %d%n",
                ratios[pairs / 2], ratios[pairs / 4], ratios[(3 * pairs) / 4], pairs, ws);
    }

    /** hakbench's RandomMixed over its HakmemAdapter, from jar, as a handle taking the ops of one chunk. */
    private static MethodHandle loop(Path jar, int ws) throws ReflectiveOperationException, java.io.IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, ClassLoader.getPlatformClassLoader());
        Class<?> adapterType = loader.loadClass("org.hakbench.adapters.AllocatorAdapter");
        Class<?> workload = loader.loadClass("org.hakbench.workload.RandomMixed");
        Object adapter = loader.loadClass("org.hakbench.adapters.HakmemAdapter").getConstructor().newInstance();
        Object loop = workload.getConstructor(adapterType, int.class, long.class).newInstance(adapter, ws, 42L);
        return MethodHandles.publicLookup().findVirtual(workload, "run", MethodType.methodType(long.class, long.class)).bindTo(loop);
    }

    private static Path checkJar(String name) {
        Path jar = Path.of(name);
        if (!Files.isRegularFile(jar)) {
            usage("jar=" + name + ": no such file");
        }
        return jar;
    }

    private static int checkPositive(String what, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        usage(what + "=" + value + ": must be a positive integer");
        return 0;
    }

    private static void usage(String problem) {
        System.err.println("TwoBuildsInOneJvm: " + problem + "\nusage: TwoBuildsInOneJvm A.jar B.jar [PAIRS] [WS]");
        System.exit(EXIT_USAGE);
    }
}
