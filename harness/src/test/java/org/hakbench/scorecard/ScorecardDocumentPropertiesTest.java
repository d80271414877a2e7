package org.hakbench.scorecard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.constraints.StringLength;

class ScorecardDocumentPropertiesTest {

    private static final Path FILE = Path.of("SCORE.md");

    /** Hand-written pieces around two managed blocks; none may contain a marker of its own. */
    private static String document(List<String> notes, String oldA, String oldB) {
        return notes.get(0) + "\n<!-- hakbench:begin a -->\n" + oldA + "\n<!-- hakbench:end a -->\n"
                + notes.get(1) + "\n<!-- hakbench:begin b -->\n" + oldB + "\n<!-- hakbench:end b -->\n" + notes.get(2);
    }

    private static String clean(String s) {
        return s.replace("<!--", "<!- -");
    }

    @Property(tries = 200)
    void textOutsideMarkersSurvivesAndASecondRenderChangesNothing(
            @ForAll @Size(3) List<@StringLength(max = 40) String> rawNotes,
            @ForAll @StringLength(max = 40) String oldBody, @ForAll @StringLength(max = 40) String newBody) {
        List<String> notes = rawNotes.stream().map(ScorecardDocumentPropertiesTest::clean).toList();
        String before = document(notes, clean(oldBody), clean(oldBody));
        LinkedHashMap<String, String> bodies = new LinkedHashMap<>();
        bodies.put("a", clean(newBody));
        String once = ScorecardDocument.parse(FILE, before).render(bodies, Map.of());
        String twice = ScorecardDocument.parse(FILE, once).render(bodies, Map.of());
        assertEquals(once, twice);
        // every hand-written piece is still there, in order, and block b was not touched
        int at = 0;
        for (String note : List.of(notes.get(0), notes.get(1), "\n<!-- hakbench:begin b -->\n" + clean(oldBody) + "\n<!-- hakbench:end b -->\n", notes.get(2))) {
            int found = once.indexOf(note, at);
            assertTrue(found >= 0, "lost: " + note + " in " + once);
            at = found + note.length();
        }
    }
}
