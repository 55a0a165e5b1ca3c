/**
 * OpenSSH client configuration files (ssh_config): {@link org.javamiko.config.SshConfig} reads them
 * and gives each host its {@link org.javamiko.config.SshConfigDict}.
 */
package org.javamiko.config;
