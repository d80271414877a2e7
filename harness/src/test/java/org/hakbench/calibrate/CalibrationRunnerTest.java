package org.hakbench.calibrate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.apache.commons.math3.stat.interval.ClopperPearsonInterval;
import org.junit.jupiter.api.Test;

class CalibrationRunnerTest {
    @Test
    void clopperPearsonEndsUseTheirClosedFormsAndTheMiddleAgreesWithCommonsMath() {
        // 0 of 20: upper bound 1 - 0.025^(1/20) = 0.16843 (the standard table's 16.8%)
        assertArrayEquals(new double[] {0, 0.16843}, CalibrationRunner.clopperPearson(20, 0), 1e-5);
        assertArrayEquals(new double[] {1 - 0.16843, 1}, CalibrationRunner.clopperPearson(20, 20), 1e-5);
        var ci = new ClopperPearsonInterval().createInterval(20, 3, 0.95);
        assertArrayEquals(new double[] {ci.getLowerBound(), ci.getUpperBound()}, CalibrationRunner.clopperPearson(20, 3), 1e-12);
    }

    @Test
    void pooledSpreadIgnoresOffsetsBetweenGroups() {
        double sd = CalibrationRunner.pooledSd(List.of(new double[] {1, 2, 3}, new double[] {101, 102, 103}));
        assertEquals(1.0, sd, 1e-12);
    }
}
