package org.javamiko.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResultsTest {
    private static final String GCM = "aes128-gcm@openssh.com";

    @Test
    void appendedSamplesMakeOneCell() {
        Results r = new Results();
        r.append("javamiko", GCM, Metric.GET, new Sample(1.0, 0.5, 100_000_000));
        r.append("javamiko", GCM, Metric.GET, new Sample(2.0, 0.5, 100_000_000));
        r.append("javamiko", GCM, Metric.GET, new Sample(0.5, 0.5, 100_000_000));

        assertThat(r.toMarkdown()).contains("| javamiko | 100 [50–200]; 0.50 s |");
    }

    @Test
    void aCellShowsSshdsCpuAndHowBusyTheMachineWas() {
        Results r = new Results();
        r.append("javamiko", GCM, Metric.GET, new Sample(1.0, 0.5, 100_000_000, 0.75, 0.93));

        assertThat(r.toMarkdown()).contains("| javamiko | 100 [100–100]; 0.50 s (sshd 0.75 s; CPUs 93 % busy) |");
    }

    @Test
    void aFailureDropsTheCellsEarlierSamples() {
        Results r = new Results();
        r.append("JSch", GCM, Metric.PUT, new Sample(1.0, 0.5, 100_000_000));
        r.fail("JSch", GCM, Metric.PUT, "broken pipe");

        assertThat(r.failed("JSch", GCM, Metric.PUT)).isTrue();
        assertThat(r.toMarkdown()).contains("| JSch | — (broken pipe) |").doesNotContain("100 [100–100]");
    }
}
