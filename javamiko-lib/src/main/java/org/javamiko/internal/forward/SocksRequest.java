package org.javamiko.internal.forward;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;

/**
 * The server side of a SOCKS CONNECT handshake (SOCKS 4, 4a per the NEC/OpenSSH documents, and 5 per
 * RFC 1928 with "no authentication"): what the client asks to reach, and the one reply it gets.
 *
 * @param version 4 or 5
 * @param host the destination, a literal address or a name (4a, 5 domain) the server resolves
 * @param port the destination port
 */
record SocksRequest(int version, String host, int port) {
    private static final int SOCKS4 = 4;
    private static final int SOCKS5 = 5;
    private static final int CONNECT = 1;
    private static final int NO_AUTHENTICATION = 0;
    private static final int NO_ACCEPTABLE_METHOD = 0xff;
    private static final int ATYP_IPV4 = 1;
    private static final int ATYP_DOMAIN = 3;
    private static final int ATYP_IPV6 = 4;
    private static final int MAX_SOCKS4_STRING = 255;

    /** SOCKS 5 reply codes (RFC 1928 §6) a refused channel maps to. */
    static final int GENERAL_FAILURE = 1;
    static final int NOT_ALLOWED = 2;
    static final int CONNECTION_REFUSED = 5;
    static final int COMMAND_NOT_SUPPORTED = 7;
    static final int ADDRESS_TYPE_NOT_SUPPORTED = 8;

    /**
     * Reads the greeting and the request, answering SOCKS 5's method negotiation on the way.
     *
     * @throws ProtocolException for anything but a CONNECT in SOCKS 4, 4a or 5 (after the
     *                           failure reply the protocol has for it)
     */
    static SocksRequest read(InputStream rawIn, OutputStream out) throws IOException {
        DataInputStream in = new DataInputStream(rawIn);
        int version = in.readUnsignedByte();
        if (version == SOCKS4) {
            return readSocks4(in, out);
        }
        if (version == SOCKS5) {
            return readSocks5(in, out);
        }
        throw new ProtocolException("Not a SOCKS 4 or 5 request (first byte " + version + ")");
    }

    private static SocksRequest readSocks4(DataInputStream in, OutputStream out) throws IOException {
        int command = in.readUnsignedByte();
        int port = in.readUnsignedShort();
        byte[] ip = new byte[4];
        in.readFully(ip);
        readNulTerminated(in); // the user id: no authentication is done
        String host;
        if (ip[0] == 0 && ip[1] == 0 && ip[2] == 0 && ip[3] != 0) {
            host = readNulTerminated(in); // SOCKS 4a: 0.0.0.x means "the name follows"
        } else {
            host = InetAddress.getByAddress(ip).getHostAddress();
        }
        SocksRequest request = new SocksRequest(SOCKS4, host, port);
        if (command != CONNECT) {
            request.replyFailure(out, COMMAND_NOT_SUPPORTED);
            throw new ProtocolException("SOCKS 4 command " + command + " is not supported (only CONNECT)");
        }
        return request;
    }

    private static SocksRequest readSocks5(DataInputStream in, OutputStream out) throws IOException {
        byte[] methods = new byte[in.readUnsignedByte()];
        in.readFully(methods);
        boolean noAuthOffered = false;
        for (byte m : methods) {
            noAuthOffered |= m == NO_AUTHENTICATION;
        }
        out.write(new byte[] {SOCKS5, (byte) (noAuthOffered ? NO_AUTHENTICATION : NO_ACCEPTABLE_METHOD)});
        out.flush();
        if (!noAuthOffered) {
            throw new ProtocolException("The SOCKS 5 client offers no method we support (only \"no authentication\")");
        }
        int version = in.readUnsignedByte();
        int command = in.readUnsignedByte();
        in.readUnsignedByte(); // reserved
        int addressType = in.readUnsignedByte();
        if (version != SOCKS5) {
            throw new ProtocolException("SOCKS 5 request with version " + version);
        }
        String host;
        if (addressType == ATYP_IPV4 || addressType == ATYP_IPV6) {
            byte[] ip = new byte[addressType == ATYP_IPV4 ? 4 : 16];
            in.readFully(ip);
            host = InetAddress.getByAddress(ip).getHostAddress();
        } else if (addressType == ATYP_DOMAIN) {
            byte[] name = new byte[in.readUnsignedByte()];
            in.readFully(name);
            host = new String(name, StandardCharsets.US_ASCII);
        } else {
            new SocksRequest(SOCKS5, "", 0).replyFailure(out, ADDRESS_TYPE_NOT_SUPPORTED);
            throw new ProtocolException("SOCKS 5 address type " + addressType + " is not supported");
        }
        SocksRequest request = new SocksRequest(SOCKS5, host, in.readUnsignedShort());
        if (command != CONNECT) {
            request.replyFailure(out, COMMAND_NOT_SUPPORTED);
            throw new ProtocolException("SOCKS 5 command " + command + " is not supported (only CONNECT)");
        }
        return request;
    }

    private static String readNulTerminated(DataInputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        for (int b = in.readUnsignedByte(); b != 0; b = in.readUnsignedByte()) {
            if (s.length() == MAX_SOCKS4_STRING) {
                throw new ProtocolException("SOCKS 4 string longer than " + MAX_SOCKS4_STRING + " bytes");
            }
            s.append((char) b);
        }
        return s.toString();
    }

    /** Tells the client the connection is made; the bound address is not ours to tell, so all zeros (as OpenSSH). */
    void replySuccess(OutputStream out) throws IOException {
        reply(out, 0);
    }

    /** @param socks5Code the RFC 1928 reply code; SOCKS 4 has only "rejected" */
    void replyFailure(OutputStream out, int socks5Code) throws IOException {
        reply(out, socks5Code);
    }

    private void reply(OutputStream out, int socks5Code) throws IOException {
        if (version == SOCKS4) {
            out.write(new byte[] {0, (byte) (socks5Code == 0 ? 0x5a : 0x5b), 0, 0, 0, 0, 0, 0});
        } else {
            out.write(new byte[] {SOCKS5, (byte) socks5Code, 0, ATYP_IPV4, 0, 0, 0, 0, 0, 0});
        }
        out.flush();
    }
}
