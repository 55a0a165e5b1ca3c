package org.javamiko.testing;

import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Remembers which test class started a fixture, so that only the end of that class stops it.
 * JUnit hands an extension registered in a class to each of its {@code @Nested} classes too, and
 * calls its beforeAll and afterAll for each of them: without this, the end of the first nested
 * class would stop the server under the others.
 */
final class ClassScope {

    private String owner;

    /** Claims the fixture for {@code context}'s class; true if it is the first to claim it. */
    synchronized boolean claim(ExtensionContext context) {
        if (owner != null) {
            return false;
        }
        owner = context.getUniqueId();
        return true;
    }

    /** Releases the fixture if {@code context}'s class claimed it; true if it did. */
    synchronized boolean release(ExtensionContext context) {
        if (!context.getUniqueId().equals(owner)) {
            return false;
        }
        owner = null;
        return true;
    }
}
