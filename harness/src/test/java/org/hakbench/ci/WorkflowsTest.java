package org.hakbench.ci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;

/**
 * The GitHub workflows, checked here because no runner runs them locally: valid YAML, the job
 * graph (ci tests every push and pull request with scripts/test; nightly's merge waits for the
 * benchmarks, keeps the history and may push it), and every script a step runs exists.
 */
class WorkflowsTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode workflow(String name) throws IOException {
        return YAML.readTree(ROOT.resolve(".github/workflows/" + name).toFile());
    }

    @Test
    void ciRunsTheTestCommandOnEveryPushAndPullRequest() throws IOException {
        JsonNode ci = workflow("ci.yml");
        JsonNode on = ci.has("on") ? ci.get("on") : ci.get("true");   // a YAML 1.1 reader may take a bare `on` for true
        assertTrue(on.has("push") && on.has("pull_request"), on.toString());
        List<String> runs = runs(ci.get("jobs").get("test"));
        assertTrue(runs.stream().anyMatch(r -> r.contains("scripts/test")), runs.toString());
    }

    @Test
    void nightlyKeepsItsHistoryAndKeysBaselinesByMachineClass() throws IOException {
        JsonNode nightly = workflow("nightly.yml");
        JsonNode jobs = nightly.get("jobs");
        assertEquals("bench", jobs.get("merge").get("needs").asText(), "the merge waits for every benchmark job");
        assertEquals("write", jobs.get("merge").get("permissions").get("contents").asText(), "the merge pushes the history branch");
        List<String> bench = runs(jobs.get("bench"));
        List<String> merge = runs(jobs.get("merge"));
        assertTrue(bench.stream().anyMatch(r -> r.contains("nightly-merge results history/results")), "a night starts from the history");
        assertTrue(merge.stream().anyMatch(r -> r.contains("nightly-merge history/results")), "every job's results merged into it");
        assertTrue(merge.stream().anyMatch(r -> r.contains("git push") && r.contains("$HISTORY_BRANCH")), "and pushed back");
        JsonNode nightlyStep = steps(jobs.get("bench")).stream().filter(s -> "scripts/nightly".equals(s.path("run").asText()))
                .findFirst().orElseThrow();
        assertTrue(nightlyStep.get("env").has("NIGHTLY_MACHINE_CLASS"), "baselines by machine class on hosted runners");
    }

    @Test
    void everyScriptAStepRunsExists() throws IOException {
        Pattern script = Pattern.compile("(?:^|\\s)(scripts/[\\w.-]+|\\.ci/run)");
        List<String> missing = new ArrayList<>();
        try (var files = Files.list(ROOT.resolve(".github/workflows"))) {
            for (Path f : files.toList()) {
                for (JsonNode job : (Iterable<JsonNode>) () -> workflowJobs(f)) {
                    for (String run : runs(job)) {
                        Matcher m = script.matcher(run);
                        while (m.find()) {
                            if (!Files.isRegularFile(ROOT.resolve(m.group(1)))) {
                                missing.add(f.getFileName() + ": " + m.group(1));
                            }
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), missing);
    }

    private static java.util.Iterator<JsonNode> workflowJobs(Path file) {
        try {
            return YAML.readTree(file.toFile()).get("jobs").elements();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<JsonNode> steps(JsonNode job) {
        List<JsonNode> out = new ArrayList<>();
        job.get("steps").forEach(out::add);
        return out;
    }

    private static List<String> runs(JsonNode job) {
        return steps(job).stream().filter(s -> s.has("run")).map(s -> s.get("run").asText()).toList();
    }
}
