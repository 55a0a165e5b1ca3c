package org.javamiko.internal.session;

/** SSH message numbers (RFC 4250 §4.1, RFC 8308, RFC 4419, RFC 5656). */
public final class Msg {
    private Msg() {
    }

    public static final int DISCONNECT = 1;
    public static final int IGNORE = 2;
    public static final int UNIMPLEMENTED = 3;
    public static final int DEBUG = 4;
    public static final int SERVICE_REQUEST = 5;
    public static final int SERVICE_ACCEPT = 6;
    public static final int EXT_INFO = 7;
    public static final int KEXINIT = 20;
    public static final int NEWKEYS = 21;
    /** First and last number of the messages that belong to the negotiated key-exchange method. */
    public static final int KEX_FIRST = 30;
    public static final int KEX_LAST = 49;
    /** First and last number of the authentication protocol's messages (RFC 4252 §6). */
    public static final int USERAUTH_FIRST = 50;
    public static final int USERAUTH_LAST = 79;
    public static final int USERAUTH_REQUEST = 50;
    public static final int USERAUTH_FAILURE = 51;
    public static final int USERAUTH_SUCCESS = 52;
    public static final int USERAUTH_BANNER = 53;
    /** PK_OK, INFO_REQUEST or PASSWD_CHANGEREQ, depending on the method under way. */
    public static final int USERAUTH_60 = 60;
    public static final int USERAUTH_INFO_RESPONSE = 61;
    public static final int GLOBAL_REQUEST = 80;
    public static final int REQUEST_SUCCESS = 81;
    public static final int REQUEST_FAILURE = 82;
    /** First and last number of the connection protocol's channel messages (RFC 4254 §9). */
    public static final int CONNECTION_FIRST = 90;
    public static final int CONNECTION_LAST = 127;
    public static final int CHANNEL_OPEN = 90;
    public static final int CHANNEL_OPEN_CONFIRMATION = 91;
    public static final int CHANNEL_OPEN_FAILURE = 92;
    public static final int CHANNEL_WINDOW_ADJUST = 93;
    public static final int CHANNEL_DATA = 94;
    public static final int CHANNEL_EXTENDED_DATA = 95;
    public static final int CHANNEL_EOF = 96;
    public static final int CHANNEL_CLOSE = 97;
    public static final int CHANNEL_REQUEST = 98;
    public static final int CHANNEL_SUCCESS = 99;
    public static final int CHANNEL_FAILURE = 100;

    /** The disconnect reason (RFC 4250 §4.2.2) we send when the user closes the connection. */
    public static final int DISCONNECT_BY_APPLICATION = 11;

    /** @return the reason code's name from RFC 4250 §4.2.2, for messages */
    public static String disconnectReason(int code) {
        return switch (code) {
            case 1 -> "host not allowed to connect";
            case 2 -> "protocol error";
            case 3 -> "key exchange failed";
            case 4 -> "reserved";
            case 5 -> "MAC error";
            case 6 -> "compression error";
            case 7 -> "service not available";
            case 8 -> "protocol version not supported";
            case 9 -> "host key not verifiable";
            case 10 -> "connection lost";
            case 11 -> "by application";
            case 12 -> "too many connections";
            case 13 -> "auth cancelled by user";
            case 14 -> "no more auth methods available";
            case 15 -> "illegal user name";
            default -> "reason " + code;
        };
    }
}
