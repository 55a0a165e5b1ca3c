package org.javamiko.testing.fuzz;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * What every fuzz test shares. A parser fed hostile bytes may refuse them with an
 * {@link IOException} (the specific {@code SshException} a user would get) and with nothing else:
 * no {@code RuntimeException}, no {@code OutOfMemoryError} from a length it did not check, no hang.
 *
 * <p>Each fuzz test class has a Jazzer {@code @FuzzTest} (coverage-guided with
 * {@code JAZZER_FUZZ=1}; in the regular build it replays the committed corpus under
 * {@code src/test/resources/<package>/<Class>Inputs/fuzz/}), and a bounded mutation run over the
 * same corpus that the regular build always does ({@link #mutateAndCheck}).
 */
public final class Fuzzing {
    /** Mutated inputs per corpus file in the regular build; {@code -Djavamiko.fuzz.rounds=N} for a longer run. */
    public static final int ROUNDS = Integer.getInteger("javamiko.fuzz.rounds", 300);
    private static final int SHOWN_BYTES = 512;

    private Fuzzing() {
    }

    /** A parser under test. */
    @FunctionalInterface
    public interface Target {
        /** Parses {@code input}; an IOException is a clean refusal. */
        void accept(byte[] input) throws IOException;
    }

    /**
     * Runs {@code target} on {@code input}.
     *
     * @throws AssertionError when it threw anything but an IOException, naming the input
     */
    public static void check(Target target, byte[] input) {
        try {
            target.accept(input);
        } catch (IOException refused) {
            // what a parser may do with bad input
        } catch (Throwable e) {
            String shown = HexFormat.of().formatHex(input, 0, Math.min(input.length, SHOWN_BYTES));
            throw new AssertionError("threw " + e + " on a " + input.length + "-byte input: " + shown
                    + (input.length > SHOWN_BYTES ? "..." : ""), e);
        }
    }

    /** @return the committed corpus of {@code test}'s fuzz method, as Jazzer reads it */
    public static List<byte[]> corpus(Class<?> test) {
        String dir = test.getSimpleName() + "Inputs/fuzz";
        URL url = test.getResource(dir);
        if (url == null) {
            throw new IllegalStateException("no corpus at " + test.getPackageName().replace('.', '/') + "/" + dir);
        }
        try (Stream<Path> files = Files.list(Path.of(url.toURI()))) {
            List<byte[]> seeds = new ArrayList<>();
            for (Path f : files.sorted().toList()) {
                seeds.add(Files.readAllBytes(f));
            }
            return seeds;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The bounded fuzz of the regular build: every seed as it is, then {@link #ROUNDS} mutants of
     * it (bit flips, bytes set to edge values, 32-bit fields set to huge or zero lengths, cuts,
     * repeats and insertions), from a fixed random seed so a failure repeats.
     */
    public static void mutateAndCheck(Target target, List<byte[]> seeds) {
        mutateAndCheck(target, seeds, ROUNDS);
    }

    /** As {@link #mutateAndCheck(Target, List)}, with {@code rounds} mutants per seed (for a large corpus or a slow target). */
    public static void mutateAndCheck(Target target, List<byte[]> seeds, int rounds) {
        Random random = new Random(0x5eed);
        for (byte[] seed : seeds) {
            check(target, seed);
            for (int round = 0; round < rounds; round++) {
                check(target, mutate(seed, random));
            }
        }
    }

    private static final int[] EDGE_INTS = {0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 0x00100000, 0x7ffffff0};
    private static final byte[] EDGE_BYTES = {0, 1, 0x7f, (byte) 0x80, (byte) 0xff, '/', '\n', ' '};

    static byte[] mutate(byte[] seed, Random random) {
        byte[] b = seed.clone();
        int steps = 1 + random.nextInt(4);
        for (int i = 0; i < steps; i++) {
            if (b.length == 0) {
                b = new byte[] {EDGE_BYTES[random.nextInt(EDGE_BYTES.length)]};
                continue;
            }
            int at = random.nextInt(b.length);
            switch (random.nextInt(6)) {
                case 0 -> b[at] ^= (byte) (1 << random.nextInt(8));
                case 1 -> b[at] = EDGE_BYTES[random.nextInt(EDGE_BYTES.length)];
                case 2 -> {
                    if (at + 4 <= b.length) {
                        int v = EDGE_INTS[random.nextInt(EDGE_INTS.length)];
                        b[at] = (byte) (v >>> 24);
                        b[at + 1] = (byte) (v >>> 16);
                        b[at + 2] = (byte) (v >>> 8);
                        b[at + 3] = (byte) v;
                    }
                }
                case 3 -> b = Arrays.copyOf(b, at);
                case 4 -> {
                    int len = 1 + random.nextInt(Math.min(64, b.length - at));
                    byte[] out = new byte[b.length + len];
                    System.arraycopy(b, 0, out, 0, at + len);
                    System.arraycopy(b, at, out, at + len, b.length - at);
                    b = out;
                }
                default -> {
                    byte[] out = new byte[b.length + 1];
                    System.arraycopy(b, 0, out, 0, at);
                    out[at] = (byte) random.nextInt(256);
                    System.arraycopy(b, at, out, at + 1, b.length - at);
                    b = out;
                }
            }
        }
        return b;
    }
}
