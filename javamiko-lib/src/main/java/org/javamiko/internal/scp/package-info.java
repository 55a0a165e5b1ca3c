/**
 * The classic SCP protocol ({@code scp -t} / {@code scp -f}) under {@link org.javamiko.ScpClient}:
 * the control records and acknowledgements ({@link org.javamiko.internal.scp.ScpStream}), the
 * sending side ({@link org.javamiko.internal.scp.ScpSource}), the receiving side with its checks
 * of every name the server sends ({@link org.javamiko.internal.scp.ScpSink},
 * {@link org.javamiko.internal.scp.ScpNames}), and the remote command line
 * ({@link org.javamiko.internal.scp.RemoteCommand}). Not exported.
 */
package org.javamiko.internal.scp;
