package org.javamiko.bench;

import java.util.concurrent.ThreadFactory;

/** Java 21's virtual threads, reached by reflection so that the bench still builds and runs on 17. */
final class VirtualThreads {
    private VirtualThreads() {
    }

    /** @return a factory of virtual threads, or null on a JDK without them */
    static ThreadFactory factoryOrNull() {
        try {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }
}
