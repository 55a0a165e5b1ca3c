package org.javamiko.internal.session;

import java.security.SecureRandom;
import java.util.List;

import org.javamiko.SshException;
import org.javamiko.internal.wire.SshBuffer;

/**
 * An SSH_MSG_KEXINIT message (RFC 4253 §7.1): the ten name-lists, in wire order.
 *
 * @param kex key-exchange methods (with pseudo-algorithms such as {@code ext-info-c})
 * @param hostKeys host key algorithms
 * @param ciphersC2s ciphers client to server
 * @param ciphersS2c ciphers server to client
 * @param macsC2s MACs client to server
 * @param macsS2c MACs server to client
 * @param compressionC2s compression client to server
 * @param compressionS2c compression server to client
 * @param firstKexPacketFollows whether the sender guessed and sent its first kex packet already
 */
public record KexInit(List<String> kex, List<String> hostKeys, List<String> ciphersC2s, List<String> ciphersS2c,
                      List<String> macsC2s, List<String> macsS2c, List<String> compressionC2s,
                      List<String> compressionS2c, boolean firstKexPacketFollows) {

    /** @return the message's payload, with a fresh random cookie */
    public byte[] encode(SecureRandom random) {
        byte[] cookie = new byte[16];
        random.nextBytes(cookie);
        SshBuffer b = new SshBuffer(512).putByte(Msg.KEXINIT).putRaw(cookie);
        for (List<String> l : List.of(kex, hostKeys, ciphersC2s, ciphersS2c, macsC2s, macsS2c,
                compressionC2s, compressionS2c, List.<String>of(), List.<String>of())) {
            b.putNameList(l);
        }
        return b.putBoolean(firstKexPacketFollows).putInt(0).toByteArray();
    }

    /**
     * @param payload the message, positioned after its type byte
     * @return the parsed lists
     */
    public static KexInit decode(SshBuffer payload) throws SshException {
        payload.skip(16);
        List<String> kex = payload.getNameList();
        List<String> hostKeys = payload.getNameList();
        List<String> cc = payload.getNameList();
        List<String> cs = payload.getNameList();
        List<String> mc = payload.getNameList();
        List<String> ms = payload.getNameList();
        List<String> zc = payload.getNameList();
        List<String> zs = payload.getNameList();
        payload.getNameList();
        payload.getNameList();
        boolean follows = payload.getBoolean();
        payload.getInt();
        return new KexInit(kex, hostKeys, cc, cs, mc, ms, zc, zs, follows);
    }
}
