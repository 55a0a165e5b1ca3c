package org.javamiko;

import java.nio.file.Path;
import java.util.Locale;

import org.javamiko.config.SshConfigDict;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the OpenSSH master a connection may go through, as {@code ssh} does: the options'
 * {@code controlPath}, else the config's {@code ControlPath} (tokens expanded by the config;
 * {@code none} for none) unless its {@code ControlMaster} is {@code yes} or {@code ask}, which
 * make {@code ssh} a master itself rather than a client of one.
 */
final class ControlPaths {
    private static final Logger LOG = LoggerFactory.getLogger(SshClientPool.class);

    private ControlPaths() {
    }

    /** @return a master answering at the host's control path, or null (said at DEBUG when a path was set) */
    static ControlMaster liveMaster(String host, ConnectOptions options) {
        Path path = controlPath(host, options);
        if (path == null) {
            return null;
        }
        ControlMaster master = ControlMaster.at(path);
        if (master.isAlive()) {
            return master;
        }
        LOG.debug("No ControlMaster answers at {}: connecting to {} ourselves", path, host);
        return null;
    }

    private static Path controlPath(String host, ConnectOptions options) {
        if (options.controlPath() != null) {
            return options.controlPath();
        }
        if (options.sshConfig() == null) {
            return null;
        }
        SshConfigDict config = options.sshConfig().lookup(host);
        String path = config.get("controlpath");
        String mode = config.getOrDefault("controlmaster", "no").toLowerCase(Locale.ROOT);
        if (path == null || path.equalsIgnoreCase("none") || mode.equals("yes") || mode.equals("ask")) {
            return null;
        }
        return Path.of(path);
    }
}
