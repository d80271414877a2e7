package org.hakbench.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakbench allocators}: every allocator, whether it is available here, and its library version. */
@Command(name = "allocators", mixinStandardHelpOptions = true,
        description = "Lists the allocators hakbench can measure, whether each is available here, and its library version.")
final class AllocatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--json", description = "Print the list as JSON (one object per allocator) instead of a table.")
    boolean json;

    /** One allocator as --json prints it. */
    record Entry(String name, String kind, boolean available, String version, String description, String installHint) {
    }

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        java.util.List<AllocatorSpec> all = new java.util.ArrayList<>(Allocators.all());
        all.addAll(Allocators.natives());
        Map<String, String> versions = Allocators.libraryVersions();
        java.util.List<Entry> entries = all.stream().map(a -> new Entry(a.name(), a.kind().name(), a.available(),
                versions.containsKey(a.name()) ? versions.get(a.name()) : Allocators.libraryVersion(a), a.description(),
                a.available() ? null : a.installHint())).toList();
        if (json) {
            out.print(org.hakbench.results.Json.pretty(entries));
            out.flush();
            return ExitCodes.OK;
        }
        out.printf("%-15s %-9s %-28s %s%n", "name", "available", "version", "what");
        for (Entry e : entries) {
            out.printf("%-15s %-9s %-28s %s%s%n", e.name(), e.available() ? "yes" : "no", e.version(), e.description(),
                    e.available() ? "" : " [" + e.installHint() + "]");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
