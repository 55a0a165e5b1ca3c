/**
 * The OpenSSH agent: listing the keys an {@code ssh-agent} holds and signing with them, so that
 * private keys never enter this process.
 */
package org.javamiko.agent;
