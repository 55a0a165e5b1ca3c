package org.javamiko.internal.sftp;

/** Numbers from draft-ietf-secsh-filexfer-02 and OpenSSH's PROTOCOL file. */
public final class SftpConstants {
    private SftpConstants() {
    }

    /** The protocol version this client speaks. */
    public static final int VERSION = 3;

    // packet types (draft §3)
    public static final int FXP_INIT = 1;
    public static final int FXP_VERSION = 2;
    public static final int FXP_OPEN = 3;
    public static final int FXP_CLOSE = 4;
    public static final int FXP_READ = 5;
    public static final int FXP_WRITE = 6;
    public static final int FXP_LSTAT = 7;
    public static final int FXP_FSTAT = 8;
    public static final int FXP_SETSTAT = 9;
    public static final int FXP_FSETSTAT = 10;
    public static final int FXP_OPENDIR = 11;
    public static final int FXP_READDIR = 12;
    public static final int FXP_REMOVE = 13;
    public static final int FXP_MKDIR = 14;
    public static final int FXP_RMDIR = 15;
    public static final int FXP_REALPATH = 16;
    public static final int FXP_STAT = 17;
    public static final int FXP_RENAME = 18;
    public static final int FXP_READLINK = 19;
    public static final int FXP_SYMLINK = 20;
    public static final int FXP_STATUS = 101;
    public static final int FXP_HANDLE = 102;
    public static final int FXP_DATA = 103;
    public static final int FXP_NAME = 104;
    public static final int FXP_ATTRS = 105;
    public static final int FXP_EXTENDED = 200;
    public static final int FXP_EXTENDED_REPLY = 201;

    // status codes (draft §7, and the later drafts' codes some v3 servers send anyway)
    public static final int FX_OK = 0;
    public static final int FX_EOF = 1;
    public static final int FX_NO_SUCH_FILE = 2;
    public static final int FX_PERMISSION_DENIED = 3;
    public static final int FX_FAILURE = 4;
    public static final int FX_BAD_MESSAGE = 5;
    public static final int FX_NO_CONNECTION = 6;
    public static final int FX_CONNECTION_LOST = 7;
    public static final int FX_OP_UNSUPPORTED = 8;
    public static final int FX_NO_SUCH_PATH = 10;
    public static final int FX_FILE_ALREADY_EXISTS = 11;
    public static final int FX_WRITE_PROTECT = 12;
    public static final int FX_DIR_NOT_EMPTY = 18;
    public static final int FX_NOT_A_DIRECTORY = 19;
    public static final int FX_FILE_IS_A_DIRECTORY = 24;

    // open flags (draft §6.3)
    public static final int FXF_READ = 0x01;
    public static final int FXF_WRITE = 0x02;
    public static final int FXF_APPEND = 0x04;
    public static final int FXF_CREAT = 0x08;
    public static final int FXF_TRUNC = 0x10;
    public static final int FXF_EXCL = 0x20;

    // attribute flags (draft §5)
    public static final int ATTR_SIZE = 0x01;
    public static final int ATTR_UIDGID = 0x02;
    public static final int ATTR_PERMISSIONS = 0x04;
    public static final int ATTR_ACMODTIME = 0x08;
    public static final int ATTR_EXTENDED = 0x80000000;

    // OpenSSH extensions (PROTOCOL §4)
    public static final String EXT_POSIX_RENAME = "posix-rename@openssh.com";
    public static final String EXT_STATVFS = "statvfs@openssh.com";
    public static final String EXT_FSTATVFS = "fstatvfs@openssh.com";
    public static final String EXT_HARDLINK = "hardlink@openssh.com";
    public static final String EXT_FSYNC = "fsync@openssh.com";
    public static final String EXT_LSETSTAT = "lsetstat@openssh.com";
    public static final String EXT_LIMITS = "limits@openssh.com";
    public static final String EXT_EXPAND_PATH = "expand-path@openssh.com";
    public static final String EXT_COPY_DATA = "copy-data";
    public static final String EXT_HOME_DIRECTORY = "home-directory";

    /** @return the draft's name for a status code, e.g. "SSH_FX_NO_SUCH_FILE" */
    public static String statusName(int code) {
        return switch (code) {
            case FX_OK -> "SSH_FX_OK";
            case FX_EOF -> "SSH_FX_EOF";
            case FX_NO_SUCH_FILE -> "SSH_FX_NO_SUCH_FILE";
            case FX_PERMISSION_DENIED -> "SSH_FX_PERMISSION_DENIED";
            case FX_FAILURE -> "SSH_FX_FAILURE";
            case FX_BAD_MESSAGE -> "SSH_FX_BAD_MESSAGE";
            case FX_NO_CONNECTION -> "SSH_FX_NO_CONNECTION";
            case FX_CONNECTION_LOST -> "SSH_FX_CONNECTION_LOST";
            case FX_OP_UNSUPPORTED -> "SSH_FX_OP_UNSUPPORTED";
            case FX_NO_SUCH_PATH -> "SSH_FX_NO_SUCH_PATH";
            case FX_FILE_ALREADY_EXISTS -> "SSH_FX_FILE_ALREADY_EXISTS";
            case FX_WRITE_PROTECT -> "SSH_FX_WRITE_PROTECT";
            case FX_DIR_NOT_EMPTY -> "SSH_FX_DIR_NOT_EMPTY";
            case FX_NOT_A_DIRECTORY -> "SSH_FX_NOT_A_DIRECTORY";
            case FX_FILE_IS_A_DIRECTORY -> "SSH_FX_FILE_IS_A_DIRECTORY";
            default -> "status " + code;
        };
    }
}
