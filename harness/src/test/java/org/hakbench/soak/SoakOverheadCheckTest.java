package org.hakbench.soak;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;

/** The soak-overhead tool runs and prints its ratio; bad arguments are exit 2 naming them. */
class SoakOverheadCheckTest {

    @Test
    void printsSoakOverPlainForAShortRun() throws Exception {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = SoakOverheadCheck.run(new String[] {"null", "16", "3", "5"}, new PrintWriter(out, true), new PrintWriter(err, true));
        assertEquals(0, code, err.toString());
        assertTrue(out.toString().matches("(?s)null timed-every=16 rounds=3 slice=5 ms: plain .* soak/plain \\d\\.\\d{4} .*"), out.toString());
    }

    @Test
    void badArgumentsAreExitTwoNamingThem() throws Exception {
        StringWriter err = new StringWriter();
        assertEquals(2, SoakOverheadCheck.run(new String[] {"null", "0", "3", "5"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("TIMED_EVERY=0"), err.toString());
        err = new StringWriter();
        assertEquals(2, SoakOverheadCheck.run(new String[] {"nosuch", "16", "3", "5"}, new PrintWriter(new StringWriter()), new PrintWriter(err, true)));
        assertTrue(err.toString().contains("nosuch"), err.toString());
        assertEquals(2, SoakOverheadCheck.run(new String[] {}, new PrintWriter(new StringWriter()), new PrintWriter(new StringWriter())));
    }
}
