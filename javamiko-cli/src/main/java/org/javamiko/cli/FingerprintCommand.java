package org.javamiko.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.javamiko.keys.PKey;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code javamiko fingerprint FILE}: the output of {@code ssh-keygen -lf FILE}. */
@Command(name = "fingerprint", header = "Print key fingerprints, as `ssh-keygen -lf FILE`.",
        mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Prints one line per key, exactly as ssh-keygen -lf: BITS SHA256:... COMMENT (TYPE). "
                + "FILE may be a public key (.pub), a private key (its .pub is read when present), an "
                + "authorized_keys file (options are skipped) or a known_hosts file (the host names stand in "
                + "for the comment)."})
final class FingerprintCommand implements Callable<Integer>, Context.Aware {
    private Context context;

    @Option(names = "-E", paramLabel = "HASH", defaultValue = "sha256", description = "sha256 (default) or md5")
    String hash;

    @Parameters(index = "0", paramLabel = "FILE", description = "the key file")
    Path file;

    @Override
    public void context(Context context) {
        this.context = context;
    }

    @Override
    public Integer call() throws Exception {
        if (!hash.equalsIgnoreCase("sha256") && !hash.equalsIgnoreCase("md5")) {
            throw new Failures.CommandFailure(2, "Invalid hash algorithm \"" + hash + "\": use sha256 or md5");
        }
        if (!Files.isRegularFile(file)) {
            throw new NoSuchFileException(file.toString());
        }
        List<String> lines = lines(file);
        if (lines.isEmpty()) {
            throw new Failures.CommandFailure(1, file + " is not a public key file.");
        }
        lines.forEach(context.io.out()::println);
        return 0;
    }

    /** @return one formatted line per key in the file */
    private List<String> lines(Path path) throws IOException {
        String text = Files.readString(path, StandardCharsets.ISO_8859_1);
        String first = text.stripLeading();
        if (first.startsWith("-----BEGIN") || first.startsWith("PuTTY-User-Key-File")) {
            Path pub = Path.of(path + ".pub");
            if (Files.isRegularFile(pub)) {
                return lines(pub);
            }
            PKey key = PKey.fromPath(path);
            return List.of(format(key, key.getComment()));
        }
        List<String> out = new ArrayList<>();
        for (String line : text.split("\r?\n")) {
            String parsed = parseLine(line.strip());
            if (parsed != null) {
                out.add(parsed);
            }
        }
        return out;
    }

    /** A .pub, authorized_keys (options first) or known_hosts (marker and host names first) line. */
    private String parseLine(String line) {
        if (line.isEmpty() || line.startsWith("#")) {
            return null;
        }
        String[] tokens = line.split("\\s+");
        for (int i = 0; i + 1 < tokens.length && i < 3; i++) {
            PKey key;
            try {
                key = PKey.fromPublicKeyLine(tokens[i] + " " + tokens[i + 1]);
            } catch (IOException | RuntimeException e) {
                continue; // not a key at this position: options or host names come first
            }
            String comment = String.join(" ", Arrays.copyOfRange(tokens, i + 2, tokens.length));
            if (i > 0 && isKnownHostsPrefix(tokens, i)) {
                comment = tokens[i - 1]; // ssh-keygen shows a known_hosts line's host names
            }
            return format(key, comment);
        }
        return null;
    }

    private static boolean isKnownHostsPrefix(String[] tokens, int keyAt) {
        return !tokens[keyAt - 1].contains("=") && (keyAt == 1 || tokens[0].startsWith("@"));
    }

    private String format(PKey key, String comment) {
        String print = hash.equalsIgnoreCase("md5") ? "MD5:" + HexFormat.ofDelimiter(":").formatHex(key.getFingerprint())
                : key.fingerprint();
        return key.getBits() + " " + print + " " + (comment == null || comment.isBlank() ? "no comment" : comment)
                + " (" + typeName(key) + ")";
    }

    /** ssh-keygen's type label: ED25519, ECDSA, RSA, DSA, with -SK and -CERT as they apply. */
    static String typeName(PKey key) {
        String name = key.getName();
        String base = name.contains("ed25519") ? "ED25519" : name.contains("ecdsa") ? "ECDSA"
                : name.contains("rsa") ? "RSA" : name.contains("dss") ? "DSA" : name.toUpperCase(Locale.ROOT);
        if (name.startsWith("sk-")) {
            base += "-SK";
        }
        if (name.contains("-cert-v01@openssh.com")) {
            base += "-CERT";
        }
        return base;
    }
}
