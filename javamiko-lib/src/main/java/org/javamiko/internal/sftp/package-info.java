/**
 * SFTP version 3 (draft-ietf-secsh-filexfer-02) over a pair of byte streams: packet encoding,
 * request ids and the reply dispatcher, and the pipelined reader and writer behind get and put.
 */
package org.javamiko.internal.sftp;
