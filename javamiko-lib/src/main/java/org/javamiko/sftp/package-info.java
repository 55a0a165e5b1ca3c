/**
 * SFTP (version 3, with OpenSSH's extensions): {@link org.javamiko.sftp.SftpClient} for file
 * operations and fast pipelined transfers, {@link org.javamiko.sftp.SftpFile} for one open file.
 */
package org.javamiko.sftp;
