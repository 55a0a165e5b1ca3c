/**
 * The real SSH servers our tests run against, and the tools around them (test scope only).
 *
 * <table>
 * <caption>Which fixture for which test</caption>
 * <tr><th>fixture</th><th>use it for</th></tr>
 * <tr><td>{@link org.javamiko.testing.OpenSshServer}</td>
 *     <td>interop with the real OpenSSH {@code sshd}: a private one per test class, public-key
 *     login with {@link org.javamiko.testing.KeySet#clientKeys()}, variants through {@code -o}
 *     options, its DEBUG3 log printed when a test fails</td></tr>
 * <tr><td>{@code OpenSshServer.builder().pam()}</td>
 *     <td>password and keyboard-interactive logins as {@link org.javamiko.testing.PamUser}
 *     (needs root; CI is)</td></tr>
 * <tr><td>{@link org.javamiko.testing.MinaServer}</td>
 *     <td>Apache MINA SSHD in this JVM: a second implementation, and scripted faults (refused
 *     channels, a stall after the banner, a disconnect during key exchange, restricted
 *     algorithms)</td></tr>
 * <tr><td>{@link org.javamiko.testing.DropbearServer}</td>
 *     <td>Dropbear (dropbear-bin), a second real server: password login as
 *     {@link org.javamiko.testing.PamUser} (needs root), e.g. for SCP</td></tr>
 * <tr><td>{@link org.javamiko.testing.SilentServer}</td>
 *     <td>timeouts: a server that sends nothing, only a banner, or lines before its banner</td></tr>
 * <tr><td>{@link org.javamiko.testing.Connect}</td>
 *     <td>our own client, trusting exactly a fixture's host keys and logging in with a key</td></tr>
 * <tr><td>{@link org.javamiko.testing.OpenSshClient}</td>
 *     <td>OpenSSH's {@code ssh} and {@code sftp} against any of them, host key pinned: the
 *     reference behaviour to compare ours with</td></tr>
 * <tr><td>{@link org.javamiko.testing.SshKeygen}, {@link org.javamiko.testing.KeySet}</td>
 *     <td>key files written by {@code ssh-keygen}</td></tr>
 * <tr><td>{@link org.javamiko.testing.ExternalCommand}</td>
 *     <td>running any other program with a time limit</td></tr>
 * </table>
 *
 * <p>Everything listens on {@code 127.0.0.1} only, on a port the kernel picks. Missing software
 * ({@code sshd}, root for PAM) fails the test in CI and skips it elsewhere, with the reason:
 * {@link org.javamiko.testing.TestEnvironment#unmet(String)}. {@code .ci/run} installs
 * openssh-server and openssh-client on a bare machine.
 */
package org.javamiko.testing;
