package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Conventions every command follows, checked over all of them, so a new command cannot drift: the
 * results directory is `--results DIR` (old spellings only as aliases), every command has --help,
 * and one exit-code table.
 */
class CliConventionsTest {

    private static List<CommandLine> allCommands() {
        List<CommandLine> out = new ArrayList<>();
        collect(Hakbench.commandLine(), out);
        return out;
    }

    private static void collect(CommandLine c, List<CommandLine> out) {
        out.add(c);
        for (Map.Entry<String, CommandLine> sub : c.getSubcommands().entrySet()) {
            if (!sub.getKey().equals("generate-completion")) {
                collect(sub.getValue(), out);
            }
        }
    }

    @Test
    void theResultsDirectoryIsNamedResultsEverywhere() {
        List<String> drift = new ArrayList<>();
        for (CommandLine c : allCommands()) {
            for (OptionSpec o : c.getCommandSpec().options()) {
                boolean aboutResults = List.of(o.names()).stream().anyMatch(n -> n.contains("results"));
                if (aboutResults && !List.of(o.names()).contains("--results")) {
                    drift.add(c.getCommandSpec().qualifiedName() + " has " + List.of(o.names()) + " without --results");
                }
            }
        }
        assertEquals(List.of(), drift);
    }

    /** The commands that write one result document print it with --json - (the same option everywhere). */
    @Test
    void commandsThatWriteAResultOfferJsonOnStdout() {
        for (CommandLine c : allCommands()) {
            OptionSpec json = c.getCommandSpec().findOption("--json");
            String name = c.getCommandSpec().name();
            if (List.of("rebase", "ab", "verdict", "calibrate").contains(name)) {
                assertTrue(json != null, name + " has no --json");
            }
            if (json != null && !name.equals("allocators")) {
                assertEquals("-", json.paramLabel(), name + ": --json takes '-'");
            }
        }
        CliRun bad = CliRun.of("calibrate", "--json", "out.json");
        assertEquals(ExitCodes.USAGE, bad.exitCode());
        assertTrue(bad.err().contains("--json=out.json: only '-'"), bad.err());
    }

    @Test
    void allocatorsListsEveryAllocatorAsJson() throws Exception {
        CliRun run = CliRun.of("allocators", "--json");
        assertEquals(ExitCodes.OK, run.exitCode(), run.err());
        var tree = org.hakbench.results.Json.tree(run.out(), "allocators --json");
        List<String> names = new ArrayList<>();
        tree.forEach(n -> names.add(n.get("name").asText()));
        assertTrue(names.containsAll(List.of("hakmem", "glibc", "mimalloc", "null", "native:mimalloc", "native:null")), names.toString());
        tree.forEach(n -> assertTrue(n.has("available") && n.has("version") && n.has("kind"), n.toString()));
    }

    @Test
    void everyCommandHasHelpAndTheSharedExitCodes() {
        for (CommandLine c : allCommands()) {
            CommandSpec spec = c.getCommandSpec();
            assertTrue(spec.optionsMap().containsKey("--help"), spec.qualifiedName() + " has no --help");
            assertTrue(c.getCommandSpec().usageMessage().exitCodeList().isEmpty()
                    || c.getCommandSpec().usageMessage().exitCodeList().keySet().stream().allMatch(k -> k.strip().matches("[0-4]")),
                    spec.qualifiedName() + " lists an exit code outside 0..4: " + c.getCommandSpec().usageMessage().exitCodeList());
        }
    }
}
