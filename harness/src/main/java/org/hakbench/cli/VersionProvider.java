package org.hakbench.cli;

import picocli.CommandLine;

/** Reports the hakbench version from the jar manifest, and the JVM it runs on. */
public final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String version = Hakbench.class.getPackage().getImplementationVersion();
        return new String[] {
                "hakbench " + (version == null ? "(development build)" : version),
                "JVM: " + Runtime.version() + " (" + System.getProperty("java.vm.vendor") + ")",
                "OS: " + System.getProperty("os.name") + " " + System.getProperty("os.version") + " " + System.getProperty("os.arch"),
        };
    }
}
