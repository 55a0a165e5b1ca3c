/**
 * How a connection is made: the builder's options and the ssh_config are resolved first into one
 * immutable {@link org.javamiko.internal.connect.ConnectionPlan} (target, hops, identities,
 * known-hosts files, algorithms); {@code SshClient.connect} and each jump hop then only read it.
 */
package org.javamiko.internal.connect;
