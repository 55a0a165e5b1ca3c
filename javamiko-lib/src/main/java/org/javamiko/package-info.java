/**
 * javamiko: paramiko's SSH client in Java. Start with {@link org.javamiko.SshClient}.
 */
package org.javamiko;
