package org.hakbench.verdict;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeSet;

/** Names the settings two workload maps disagree on, for refusal messages. */
final class WorkloadDiff {
    private WorkloadDiff() {
    }

    static String describe(String leftLabel, SortedMap<String, String> left, String rightLabel, SortedMap<String, String> right) {
        TreeSet<String> keys = new TreeSet<>(left.keySet());
        keys.addAll(right.keySet());
        List<String> diffs = new ArrayList<>();
        for (String key : keys) {
            String l = left.get(key);
            String r = right.get(key);
            if (l == null ? r != null : !l.equals(r)) {
                diffs.add(key + "=" + (l == null ? "(unset)" : l) + " in " + leftLabel + " but " + key + "=" + (r == null ? "(unset)" : r) + " in " + rightLabel);
            }
        }
        return String.join("; ", diffs);
    }
}
