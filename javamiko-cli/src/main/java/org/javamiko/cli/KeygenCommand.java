package org.javamiko.cli;

import java.io.Console;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.javamiko.keys.EcdsaKey;
import org.javamiko.keys.Ed25519Key;
import org.javamiko.keys.PKey;
import org.javamiko.keys.RsaKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code javamiko keygen}: as {@code ssh-keygen -t TYPE -b BITS -f FILE -N PASS -C COMMENT}. */
@Command(name = "keygen", header = "Generate a key pair, as `ssh-keygen -t TYPE -f FILE`.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Writes the private key in OpenSSH's format (mode 0600; encrypted with bcrypt-pbkdf and "
                + "aes256-ctr when a passphrase is given) and FILE.pub beside it, then prints the fingerprint. "
                + "An existing file is never overwritten."},
        footer = {"", "Example:", "  javamiko keygen -t ed25519 -f ~/.ssh/id_deploy -C deploy@ci -N ''"})
final class KeygenCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Option(names = "-t", paramLabel = "TYPE", defaultValue = "ed25519",
            description = "ed25519 (default), ecdsa or rsa")
    String type;

    @Option(names = "-b", paramLabel = "BITS",
            description = "key size: ecdsa 256 (default), 384 or 521; rsa 3072 (default), 2048 to 16384; "
                    + "ignored for ed25519")
    Integer bits;

    @Option(names = "-f", paramLabel = "FILE", description = "private key file to write (default ~/.ssh/id_TYPE)")
    Path file;

    @Option(names = "-N", paramLabel = "PASSPHRASE",
            description = "passphrase ('' for none); asked for twice on a terminal when not given, else none")
    String passphrase;

    @Option(names = "-C", paramLabel = "COMMENT", description = "comment (default user@host)")
    String comment;

    @Option(names = "-q", description = "quiet: print nothing")
    boolean quiet;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        Io io = context.io;
        String kind = type.toLowerCase(Locale.ROOT);
        if (file == null) {
            file = Path.of(System.getProperty("user.home"), ".ssh", "id_" + kind);
        }
        Path pub = Path.of(file + ".pub");
        if (Files.exists(file) || Files.exists(pub)) {
            throw new Failures.CommandFailure(1, (Files.exists(file) ? file : pub) + " already exists; not overwriting it");
        }
        if (!List.of("ed25519", "ecdsa", "rsa").contains(kind)) {
            throw new Failures.CommandFailure(2, "unknown key type " + type + ": use ed25519, ecdsa or rsa");
        }
        if (!quiet) {
            io.out().println("Generating public/private " + kind + " key pair.");
        }
        PKey key = switch (kind) {
            case "ecdsa" -> EcdsaKey.generate(bits == null ? 256 : requireEcdsa(bits));
            case "rsa" -> RsaKey.generate(bits == null ? 3072 : requireRsa(bits));
            default -> Ed25519Key.generate();
        };
        key.setComment(comment != null ? comment : System.getProperty("user.name") + "@" + localHostName());
        if (passphrase == null) {
            passphrase = askPassphrase(io);
        }
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        key.writePrivateKeyFile(file, passphrase.isEmpty() ? null : passphrase);
        String line = key.publicKeyLine() + (key.getComment().isEmpty() ? "" : " " + key.getComment());
        Files.writeString(pub, line + "\n", StandardCharsets.UTF_8);
        if (!quiet) {
            io.out().println("Your identification has been saved in " + file);
            io.out().println("Your public key has been saved in " + pub);
            io.out().println("The key fingerprint is:");
            io.out().println(key.fingerprint() + " " + key.getComment());
        }
        return 0;
    }

    private static String askPassphrase(Io io) throws Failures.CommandFailure {
        Console console = io.stdinTerminal() ? System.console() : null;
        if (console == null) {
            return "";
        }
        String first = new String(console.readPassword("Enter passphrase (empty for no passphrase): "));
        String second = new String(console.readPassword("Enter same passphrase again: "));
        if (!first.equals(second)) {
            throw new Failures.CommandFailure(1, "Passphrases do not match.");
        }
        return first;
    }

    private static int requireEcdsa(int bits) throws Failures.CommandFailure {
        if (bits != 256 && bits != 384 && bits != 521) {
            throw new Failures.CommandFailure(2, "ECDSA keys are 256, 384 or 521 bits, not " + bits);
        }
        return bits;
    }

    private static int requireRsa(int bits) throws Failures.CommandFailure {
        if (bits < 2048 || bits > 16384) {
            throw new Failures.CommandFailure(2, "RSA keys are 2048 to 16384 bits, not " + bits);
        }
        return bits;
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return "localhost";
        }
    }
}
