package org.javamiko.cli;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.javamiko.HostKeys;
import org.javamiko.keys.PKey;
import org.javamiko.transport.AlgorithmKind;
import org.javamiko.transport.Transport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko known-hosts add|check|remove|hash}: known_hosts as ssh-keyscan and ssh-keygen -R/-H/-F edit it. */
@Command(name = "known-hosts", header = "Add, check, remove and hash known_hosts entries.",
        mixinStandardHelpOptions = true,
        description = {"Edits an OpenSSH known_hosts file (default ~/.ssh/known_hosts) line by line, keeping "
                + "comments and every other line as they are. A host on a port other than 22 is listed as "
                + "[host]:port, as ssh looks it up."},
        subcommands = {KnownHostsCommand.Add.class, KnownHostsCommand.Check.class, KnownHostsCommand.Remove.class,
                KnownHostsCommand.Hash.class})
final class KnownHostsCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() {
        picocli.CommandLine.usage(this, context.io.out());
        return 2;
    }

    /** Options every sub-command shares. */
    abstract static class Base implements Callable<Integer>, Context.Aware {
        Context context;

        @Option(names = "-f", paramLabel = "FILE", description = "the known_hosts file (default ~/.ssh/known_hosts)")
        Path file;

        @Override
        public void context(Context context) {
            this.context = context;
        }

        Path file() {
            return file != null ? file : Path.of(System.getProperty("user.home"), ".ssh", "known_hosts");
        }

        List<String> readLines() throws IOException {
            Path f = file();
            if (!Files.exists(f)) {
                return new ArrayList<>();
            }
            return new ArrayList<>(Files.readAllLines(f, StandardCharsets.UTF_8));
        }

        /** Writes the new content, keeping the old as FILE.old, as ssh-keygen does. */
        void rewrite(List<String> lines) throws IOException {
            Path f = file();
            Path old = Path.of(f + ".old");
            Files.copy(f, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            Path temp = Files.createTempFile(f.toAbsolutePath().getParent(), ".known_hosts", ".tmp");
            Files.write(temp, lines, StandardCharsets.UTF_8);
            try {
                Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(f));
            } catch (UnsupportedOperationException e) {
                // not a POSIX file system
            }
            Files.move(temp, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            context.io.out().println(f + " updated.");
            context.io.out().println("Original contents retained as " + old);
        }
    }

    /** Options of the sub-commands that name a host. */
    abstract static class HostBase extends Base {
        @Option(names = "-p", paramLabel = "PORT", defaultValue = "22", description = "the host's SSH port (default 22)")
        int port;

        @Parameters(index = "0", paramLabel = "HOST", description = "host name or address")
        String host;

        String knownName() {
            return port == 22 ? host : "[" + host + "]:" + port;
        }
    }

    /** {@code add}: ssh-keyscan HOST >> known_hosts, or a given public key file. */
    @Command(name = "add", header = "Add a host's key (fetched from the host, or from a .pub file).",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Without KEYFILE, connects to HOST:PORT as ssh-keyscan does (key exchange only, no login) "
                    + "and adds the key the server proves it holds, printing its fingerprint: check it against "
                    + "one you got another way before you trust it. An identical entry is left alone; a different "
                    + "key of the same type is refused (remove the old one first)."})
    static final class Add extends HostBase {
        @Parameters(index = "1", arity = "0..1", paramLabel = "KEYFILE",
                description = "a public key file (e.g. /etc/ssh/ssh_host_ed25519_key.pub) instead of asking the host")
        Path keyFile;

        @Option(names = "-t", paramLabel = "TYPE", description = "the key type to ask the host for: ed25519, ecdsa or rsa")
        String type;

        @Option(names = "-H", description = "hash the host name, as HashKnownHosts yes")
        boolean hash;

        @Override
        public Integer call() throws Exception {
            PKey key = keyFile != null ? readKey(keyFile) : scan(host, port, algorithmsFor(type), null);
            HostKeys known = load(file());
            String name = knownName();
            if (known.check(name, key)) {
                context.io.out().println(name + " " + key.getName() + " " + key.fingerprint() + " is already in " + file());
                return 0;
            }
            if (known.lookup(name).containsKey(key.getName())) {
                throw new Failures.CommandFailure(1, file() + " lists a different " + key.getName() + " key for " + name
                        + "; remove it first with: javamiko known-hosts remove " + (port == 22 ? "" : "-p " + port + " ")
                        + host);
            }
            Path f = file();
            if (f.toAbsolutePath().getParent() != null) {
                Files.createDirectories(f.toAbsolutePath().getParent());
            }
            String prefix = "";
            if (Files.exists(f) && Files.size(f) > 0) {
                byte[] all = Files.readAllBytes(f);
                prefix = all[all.length - 1] == '\n' ? "" : "\n";
            }
            String line = (hash ? HostKeys.hashHost(name) : name) + " " + key.publicKeyLine();
            Files.writeString(f, prefix + line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            context.io.out().println("Added " + name + " " + key.getName() + " " + key.fingerprint() + " to " + f);
            return 0;
        }
    }

    /** {@code check}: is the host's key the one known_hosts lists? */
    @Command(name = "check", header = "Check a host's key against known_hosts.",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Fetches HOST's key (or reads KEYFILE) and looks it up as ssh would. Exit status: 0 when "
                    + "known_hosts lists it, 1 when the host or its key type is not listed, 2 when known_hosts "
                    + "lists another key of that type (CHANGED) or marks the key @revoked, 255 when the host "
                    + "cannot be reached."})
    static final class Check extends HostBase {
        @Parameters(index = "1", arity = "0..1", paramLabel = "KEYFILE", description = "a public key file to check instead")
        Path keyFile;

        @Override
        public Integer call() throws Exception {
            HostKeys known = load(file());
            String name = knownName();
            List<String> knownTypes = known.keyTypes(name);
            PKey key = keyFile != null ? readKey(keyFile) : scan(host, port, null, knownTypes);
            String what = name + " " + key.getName() + " " + key.fingerprint();
            if (known.isRevoked(name, key)) {
                context.io.out().println(what + ": REVOKED in " + file());
                return 2;
            }
            if (known.check(name, key)) {
                context.io.out().println(what + ": OK, listed in " + file());
                return 0;
            }
            PKey listed = known.lookup(name).get(key.getName());
            if (listed != null) {
                context.io.out().println(what + ": CHANGED, " + file() + " lists " + listed.fingerprint());
                return 2;
            }
            context.io.out().println(what + ": not in " + file());
            return 1;
        }
    }

    /** {@code remove}: ssh-keygen -R. */
    @Command(name = "remove", header = "Remove every key of a host, as `ssh-keygen -R HOST`.",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Deletes the lines whose host names (plain, hashed or patterns) match HOST, except "
                    + "@cert-authority and @revoked lines; the old file is kept as FILE.old. Exit status 1 when "
                    + "no line matched."})
    static final class Remove extends HostBase {
        @Override
        public Integer call() throws Exception {
            if (!Files.exists(file())) {
                throw new NoSuchFileException(file().toString());
            }
            List<String> lines = readLines();
            List<String> kept = new ArrayList<>();
            String name = knownName();
            boolean found = false;
            for (int i = 0; i < lines.size(); i++) {
                String[] entry = KnownHostsLine.parse(lines.get(i));
                if (entry != null && entry[0] == null && KnownHostsLine.matches(entry[1], name)) {
                    context.io.out().println("# Host " + name + " found: line " + (i + 1));
                    found = true;
                } else {
                    kept.add(lines.get(i));
                }
            }
            if (!found) {
                context.io.err().println("Host " + name + " not found in " + file());
                return 1;
            }
            rewrite(kept);
            return 0;
        }
    }

    /** {@code hash}: ssh-keygen -H. */
    @Command(name = "hash", header = "Hash every host name in known_hosts, as `ssh-keygen -H`.",
            mixinStandardHelpOptions = true, sortOptions = false,
            description = {"Replaces each plain host name with its HashKnownHosts form (|1|salt|hash), one line per "
                    + "name; names with wildcards, already hashed names and @cert-authority / @revoked lines stay "
                    + "as they are. The old file is kept as FILE.old: delete it once you have checked the new one."})
    static final class Hash extends Base {
        @Override
        public Integer call() throws Exception {
            if (!Files.exists(file())) {
                throw new NoSuchFileException(file().toString());
            }
            List<String> out = new ArrayList<>();
            for (String line : readLines()) {
                String[] entry = KnownHostsLine.parse(line);
                if (entry == null || entry[0] != null || entry[1].startsWith("|") || entry[1].matches(".*[*?!].*")) {
                    out.add(line);
                    continue;
                }
                for (String name : entry[1].split(",")) {
                    out.add(HostKeys.hashHost(name) + " " + entry[2]);
                }
            }
            rewrite(out);
            return 0;
        }
    }

    static HostKeys load(Path file) throws IOException {
        HostKeys keys = new HostKeys();
        if (Files.exists(file)) {
            keys.load(file);
        }
        return keys;
    }

    /** The first public key in a file ({@code .pub} or one known_hosts / authorized_keys style line). */
    static PKey readKey(Path file) throws IOException {
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] tokens = line.strip().split("\\s+");
            for (int i = 0; i + 1 < tokens.length && i < 3; i++) {
                try {
                    return PKey.fromPublicKeyLine(tokens[i] + " " + tokens[i + 1]);
                } catch (IOException | RuntimeException e) {
                    // not at this position
                }
            }
        }
        throw new Failures.CommandFailure(1, file + " holds no public key");
    }

    static List<String> algorithmsFor(String type) throws Failures.CommandFailure {
        if (type == null) {
            return null;
        }
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "ed25519", "ssh-ed25519" -> List.of("ssh-ed25519");
            case "ecdsa" -> List.of("ecdsa-sha2-nistp256", "ecdsa-sha2-nistp384", "ecdsa-sha2-nistp521");
            case "rsa", "ssh-rsa" -> List.of("rsa-sha2-512", "rsa-sha2-256");
            default -> throw new Failures.CommandFailure(2, "unknown key type " + type + ": use ed25519, ecdsa or rsa");
        };
    }

    /** The host key a server proves it holds in a key exchange: ssh-keyscan, without logging in. */
    static PKey scan(String host, int port, List<String> only, List<String> preferred) throws IOException {
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(host, port), 10_000);
        } catch (IOException e) {
            socket.close();
            throw new Failures.ConnectFailure(Failures.describeConnect(host, host, port, e), e);
        }
        try (Transport transport = new Transport(socket)) {
            if (only != null) {
                transport.getSecurityOptions().set(AlgorithmKind.KEYS, only);
            } else if (preferred != null && !preferred.isEmpty()) {
                List<String> algorithms = new ArrayList<>();
                for (String t : preferred) {
                    algorithms.addAll(t.equals("ssh-rsa") ? List.of("rsa-sha2-512", "rsa-sha2-256") : List.of(t));
                }
                transport.getSecurityOptions().preferFirst(AlgorithmKind.KEYS, algorithms);
            }
            transport.startClient(Duration.ofSeconds(15));
            return transport.getRemoteServerKey();
        } catch (IOException e) {
            throw new Failures.ConnectFailure(Failures.describeConnect(host, host, port, e), e);
        }
    }

    /** One known_hosts line taken apart: marker, host names, and the rest (type, key, comment). */
    static final class KnownHostsLine {
        private KnownHostsLine() {
        }

        /** @return {marker or null, hosts, rest}, or null for a blank or comment line */
        static String[] parse(String line) {
            String s = line.strip();
            if (s.isEmpty() || s.startsWith("#")) {
                return null;
            }
            String marker = null;
            if (s.startsWith("@")) {
                int sp = s.indexOf(' ');
                if (sp < 0) {
                    return null;
                }
                marker = s.substring(0, sp);
                s = s.substring(sp + 1).strip();
            }
            int sp = s.indexOf(' ');
            if (sp < 0) {
                return null;
            }
            return new String[] {marker, s.substring(0, sp), s.substring(sp + 1).strip()};
        }

        /** Whether a host field (comma list of names, patterns, !negations, |1| hashes) matches {@code name}. */
        static boolean matches(String hosts, String name) {
            boolean matched = false;
            for (String pattern : hosts.split(",")) {
                boolean negated = pattern.startsWith("!");
                String p = negated ? pattern.substring(1) : pattern;
                boolean hit = p.startsWith("|1|") ? hashedMatches(p, name) : glob(p.toLowerCase(Locale.ROOT),
                        name.toLowerCase(Locale.ROOT));
                if (hit && negated) {
                    return false;
                }
                matched |= hit;
            }
            return matched;
        }

        private static boolean hashedMatches(String hashed, String name) {
            String[] parts = hashed.split("\\|");
            if (parts.length != 4) {
                return false;
            }
            try {
                return HostKeys.hashHost(name, Base64.getDecoder().decode(parts[2])).equals(hashed);
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static boolean glob(String pattern, String text) {
            if (pattern.isEmpty()) {
                return text.isEmpty();
            }
            char c = pattern.charAt(0);
            if (c == '*') {
                for (int i = 0; i <= text.length(); i++) {
                    if (glob(pattern.substring(1), text.substring(i))) {
                        return true;
                    }
                }
                return false;
            }
            return !text.isEmpty() && (c == '?' || c == text.charAt(0)) && glob(pattern.substring(1), text.substring(1));
        }
    }
}
