/**
 * A client of OpenSSH's multiplexing protocol ({@code PROTOCOL.mux}): the control socket of a
 * running {@code ssh -M} master ({@link org.javamiko.internal.mux.MuxLink}), over the JDK's Unix
 * sockets for requests that pass no file descriptors and over junixsocket
 * ({@link org.javamiko.internal.mux.FdMuxLink}, an optional dependency) for sessions and stdio
 * forwards, which hand the master their stdin, stdout and stderr (SCM_RIGHTS). Not exported.
 */
package org.javamiko.internal.mux;
