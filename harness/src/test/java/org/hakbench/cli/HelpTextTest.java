package org.hakbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Isolated;
import picocli.CommandLine;

/**
 * picocli runs every description through String.format: a bare '%' ("95% CI") makes each --help
 * print a warning on stderr and show the raw text. Renders every command's help and listens.
 */
@Isolated("replaces System.err")
class HelpTextTest {

    @Test
    void everyHelpRendersWithoutPicocliWarnings() {
        List<String> commands = new ArrayList<>();
        String warnings = stderrOf(() -> render(Hakbench.commandLine(), commands));
        assertTrue(commands.size() > 8, "rendered " + commands);
        assertEquals("", warnings, "picocli warnings (a description with a bare '%'? write '%%')");
    }

    private static void render(CommandLine cli, List<String> commands) {
        commands.add(cli.getCommandSpec().qualifiedName());
        cli.usage(new PrintWriter(new StringWriter()));
        cli.getSubcommands().values().forEach(sub -> render(sub, commands));
    }

    private static String stderrOf(Runnable action) {
        PrintStream saved = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(saved);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }
}
