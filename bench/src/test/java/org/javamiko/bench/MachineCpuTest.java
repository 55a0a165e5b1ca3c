package org.javamiko.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class MachineCpuTest {

    @Test
    void idleAndIowaitAreIdleEverythingElseIsBusy() {
        MachineCpu.Reading r = MachineCpu.parse("cpu  100 5 50 800 20 3 7 15 0 0");

        assertThat(r.total()).isEqualTo(1000);
        assertThat(r.busy()).isEqualTo(180);
    }

    @Test
    void busySinceIsTheBusyShareOfTheTicksInBetween() {
        MachineCpu.Reading before = new MachineCpu.Reading(1_000, 10_000);
        MachineCpu.Reading after = new MachineCpu.Reading(1_180, 10_200);

        assertThat(after.busySince(before)).isEqualTo(0.9);
    }

    @Test
    void anUnknownReadingGivesNaN() {
        assertThat(new MachineCpu.Reading(5, 10).busySince(new MachineCpu.Reading(-1, -1))).isNaN();
    }

    @Test
    void aPerCpuLineIsRefused() {
        assertThatThrownBy(() -> MachineCpu.parse("cpu0 1 2 3 4 5 6 7 8"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
