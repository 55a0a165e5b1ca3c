package org.javamiko.testing;

import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.sshd.common.NamedFactory;
import org.apache.sshd.common.OptionalFeature;
import org.apache.sshd.common.cipher.BuiltinCiphers;
import org.apache.sshd.common.cipher.Cipher;
import org.apache.sshd.common.kex.BuiltinDHFactories;
import org.apache.sshd.common.kex.KeyExchangeFactory;
import org.apache.sshd.common.mac.BuiltinMacs;
import org.apache.sshd.common.mac.Mac;
import org.apache.sshd.server.ServerBuilder;

/**
 * Turns algorithm names as they appear on the wire into MINA's factories, for
 * {@link MinaServer.Builder}'s restrictions. Any algorithm MINA implements may be named, also
 * ones it does not offer by default (e.g. a CBC cipher, to test that our client refuses it).
 */
final class MinaAlgorithms {

    private MinaAlgorithms() {
    }

    static List<KeyExchangeFactory> keyExchanges(String... names) {
        return Arrays.stream(names)
                .map(name -> ServerBuilder.DH2KEX.apply(
                        supported("key exchange", name, BuiltinDHFactories.fromFactoryName(name),
                                BuiltinDHFactories.VALUES, BuiltinDHFactories::getName)))
                .toList();
    }

    static List<NamedFactory<Cipher>> ciphers(String... names) {
        return Arrays.stream(names)
                .<NamedFactory<Cipher>>map(name -> supported("cipher", name, BuiltinCiphers.fromFactoryName(name),
                        BuiltinCiphers.VALUES, BuiltinCiphers::getName))
                .toList();
    }

    static List<NamedFactory<Mac>> macs(String... names) {
        return Arrays.stream(names)
                .<NamedFactory<Mac>>map(name -> supported("MAC", name, BuiltinMacs.fromFactoryName(name),
                        BuiltinMacs.VALUES, BuiltinMacs::getName))
                .toList();
    }

    private static <T extends OptionalFeature> T supported(String kind, String name, T found,
            Iterable<T> all, Function<T, String> nameOf) {
        if (found == null || !found.isSupported()) {
            String known = java.util.stream.StreamSupport.stream(all.spliterator(), false)
                    .filter(OptionalFeature::isSupported).map(nameOf).collect(Collectors.joining(", "));
            throw new IllegalArgumentException("MINA has no " + kind + " named " + name + "; it has: " + known);
        }
        return found;
    }
}
