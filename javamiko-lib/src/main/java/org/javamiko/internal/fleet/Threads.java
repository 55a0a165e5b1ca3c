package org.javamiko.internal.fleet;

import java.lang.reflect.Method;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Virtual threads when the running JDK has them (21+), looked up by reflection because the
 * library is compiled for Java 17; daemon platform threads otherwise.
 */
public final class Threads {
    private static final ThreadFactory VIRTUAL = findVirtual();

    private Threads() {
    }

    /** @return whether this JDK makes virtual threads */
    public static boolean virtualAvailable() {
        return VIRTUAL != null;
    }

    /**
     * @param virtual prefer virtual threads (used when available)
     * @param name the thread name prefix, e.g. {@code "fleet-"}
     * @return a factory of virtual threads if asked for and available, else of daemon platform threads
     */
    public static ThreadFactory factory(boolean virtual, String name) {
        if (virtual && VIRTUAL != null) {
            return VIRTUAL;
        }
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread t = new Thread(runnable, name + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** @return {@code Thread.ofVirtual().name(...).factory()}, or null before Java 21 */
    private static ThreadFactory findVirtual() {
        try {
            Method ofVirtual = Thread.class.getMethod("ofVirtual");
            Object builder = ofVirtual.invoke(null);
            Class<?> builderType = Class.forName("java.lang.Thread$Builder");
            builder = builderType.getMethod("name", String.class, long.class).invoke(builder, "fleet-v", 1L);
            return (ThreadFactory) builderType.getMethod("factory").invoke(builder);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            return null;
        }
    }
}
