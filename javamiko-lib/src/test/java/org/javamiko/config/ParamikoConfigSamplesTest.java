package org.javamiko.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.javamiko.testing.SharedTestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every ssh_config sample of paramiko's test suite, looked up for a handful of host names, against
 * OpenSSH's own resolution ({@code ssh -G}) on this machine.
 * The comparison is {@link SshG#assertResolvesLikeSsh}.
 */
class ParamikoConfigSamplesTest {
    static final Path DIR = SharedTestData.dir("paramiko-ssh-configs");
    private static final List<String> HOSTS = List.of("www", "WWW", "www.paramiko.org", "target", "remote",
            "goof", "finally", "sub.www");


    @BeforeAll
    static void needsSsh() {
        SshG.assumeInstalled();
    }

    static Stream<Arguments> samples() throws IOException {
        List<Arguments> cases = new ArrayList<>();
        try (Stream<Path> files = Files.list(DIR)) {
            for (Path file : files.sorted().toList()) {
                if (!file.getFileName().toString().endsWith(".md")) {
                    HOSTS.forEach(host -> cases.add(Arguments.of(file.getFileName().toString(), host)));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} for {1}")
    @MethodSource("samples")
    void resolvesLikeOpenSsh(String sample, String host) throws IOException {
        SshG.assertResolvesLikeSsh(DIR.resolve(sample), host);
    }
}
