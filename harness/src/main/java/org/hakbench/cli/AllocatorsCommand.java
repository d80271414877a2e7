package org.hakbench.cli;

import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;

import org.hakbench.adapters.AllocatorSpec;
import org.hakbench.adapters.Allocators;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code hakbench allocators}: every allocator, whether it is available here, and its library version. */
@Command(name = "allocators", mixinStandardHelpOptions = true,
        description = "Lists the allocators hakbench can measure, whether each is available here, and its library version.")
final class AllocatorsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Map<String, String> versions = Allocators.libraryVersions();
        out.printf("%-9s %-9s %-28s %s%n", "name", "available", "version", "what");
        for (AllocatorSpec a : Allocators.all()) {
            out.printf("%-9s %-9s %-28s %s%s%n", a.name(), a.available() ? "yes" : "no", versions.get(a.name()), a.description(),
                    a.available() ? "" : " [" + a.installHint() + "]");
        }
        out.flush();
        return ExitCodes.OK;
    }
}
