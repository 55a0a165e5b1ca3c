package org.javamiko.config;

import java.nio.file.Path;
import java.util.List;

/** One parsed line of an ssh_config file: a setting, the start of a Host or Match block, or an Include. */
sealed interface ConfigEntry {

    /** A keyword and its value, applied when the enclosing block is active. */
    record Setting(ConfigLine line) implements ConfigEntry {
    }

    /** {@code Host pattern...}: the following settings apply when a pattern matches. */
    record HostLine(List<String> patterns) implements ConfigEntry {
    }

    /** {@code Match criterion...}: the following settings apply when every criterion holds. */
    record MatchLine(List<MatchCriterion> criteria) implements ConfigEntry {
    }

    /** {@code Include}: the files its patterns named when the configuration was read, in glob order. */
    record Include(List<IncludedFile> files) implements ConfigEntry {
    }

    /** One file read by an Include, and its entries. */
    record IncludedFile(Path path, List<ConfigEntry> entries) {
    }
}
