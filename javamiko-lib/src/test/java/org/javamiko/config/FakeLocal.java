package org.javamiko.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** A made-up local machine for lookups that must not depend on who runs the tests or on DNS. */
final class FakeLocal {
    private FakeLocal() {
    }

    /** User alice with the given home, SHELL=/bin/sh, and exactly {@code resolvable} resolving. */
    static LocalEnvironment alice(Path home, String... resolvable) {
        Set<String> names = Set.of(resolvable);
        return new LocalEnvironment("alice", home, Map.of("HOME", home.toString(), "SHELL", "/bin/sh"),
                names::contains);
    }
}
