package org.javamiko.internal.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.javamiko.AuthenticationException;
import org.javamiko.BadAuthenticationTypeException;
import org.javamiko.ConnectOptions;
import org.javamiko.PasswordRequiredException;
import org.javamiko.keys.PKey;
import org.javamiko.transport.Prompt;
import org.javamiko.transport.Transport;
import org.slf4j.Logger;

/**
 * Authenticates an {@link org.javamiko.SshClient} connection in paramiko's order: the given key,
 * the key files, the agent's keys, the keys in {@code ~/.ssh}, then the password, with
 * keyboard-interactive answered by the password where the server asks for it.
 *
 * <p>It starts with the "none" method, as OpenSSH does, to learn which methods the server
 * allows; methods it does not allow are skipped. After a partial success (two factors) it goes
 * on with the methods the server still wants.
 */
public final class ClientAuthenticator {
    private static final List<String> DEFAULT_KEY_FILES = List.of("id_rsa", "id_ecdsa", "id_ed25519");

    private final Transport transport;
    private final ConnectOptions options;
    private final Logger log;
    private final List<String> tried = new ArrayList<>();
    private final List<PasswordRequiredException> lockedKeys = new ArrayList<>();
    private List<String> allowed = List.of();

    /**
     * @param transport a started transport whose host key was checked
     * @param options the user's credentials and choices
     * @param log where to log each attempt (DEBUG; never a secret)
     */
    public ClientAuthenticator(Transport transport, ConnectOptions options, Logger log) {
        this.transport = transport;
        this.options = options;
        this.log = log;
    }

    /** Runs the whole sequence; returns when authenticated, else throws. */
    public void authenticate() throws IOException {
        String user = options.username();
        try {
            if (transport.authNone(user).isEmpty()) {
                return;
            }
        } catch (BadAuthenticationTypeException e) {
            allowed = e.allowedTypes();
        } catch (AuthenticationException e) {
            allowed = transport.getAllowedAuthTypes();
        }
        for (PKey key : keys()) {
            if (tryMethod("publickey", "publickey " + key.getName() + " " + key.fingerprint(),
                    () -> transport.authPublickey(user, key))) {
                return;
            }
        }
        String password = options.password();
        if (password != null) {
            if (tryMethod("password", "password", () -> transport.authPassword(user, password))) {
                return;
            }
            if (tryMethod("keyboard-interactive", "keyboard-interactive",
                    () -> transport.authInteractive(user, (name, instruction, prompts) -> answerAll(prompts, password), ""))) {
                return;
            }
        }
        throw failure(user);
    }

    private static List<String> answerAll(List<Prompt> prompts, String password) {
        return prompts.stream().map(p -> password).toList();
    }

    @FunctionalInterface
    private interface Attempt {
        List<String> run() throws IOException;
    }

    /** @return true when fully authenticated; false to go on with the next credential */
    private boolean tryMethod(String method, String description, Attempt attempt) throws IOException {
        if (!allowed.isEmpty() && !allowed.contains(method)) {
            return false;
        }
        tried.add(description);
        try {
            List<String> stillWanted = attempt.run();
            if (stillWanted.isEmpty()) {
                return true;
            }
            allowed = stillWanted;
            log.debug("Partial success with {}; the server now wants one of {}", description, stillWanted);
        } catch (BadAuthenticationTypeException e) {
            allowed = e.allowedTypes();
        } catch (AuthenticationException e) {
            log.debug("Authentication with {} refused: {}", description, e.getMessage());
            List<String> now = transport.getAllowedAuthTypes();
            if (!now.isEmpty()) {
                allowed = now;
            }
        }
        return false;
    }

    private AuthenticationException failure(String user) {
        if (tried.isEmpty() && !lockedKeys.isEmpty()) {
            return lockedKeys.get(0);
        }
        String message = "Authentication failed for " + user + ": "
                + (tried.isEmpty() ? "no credentials to try (no key, no password)" : "tried " + String.join(", ", tried))
                + "; the server allows " + (allowed.isEmpty() ? "nothing more" : String.join(", ", allowed));
        AuthenticationException e = lockedKeys.isEmpty() ? new AuthenticationException(message)
                : new PasswordRequiredException(message + "; encrypted keys were skipped for want of a passphrase");
        lockedKeys.forEach(e::addSuppressed);
        return e;
    }

    private List<PKey> keys() throws IOException {
        Set<PKey> keys = new LinkedHashSet<>();
        if (options.pkey() != null) {
            keys.add(options.pkey());
        }
        for (Path file : options.keyFilenames()) {
            PKey key = load(file, true);
            if (key != null) {
                keys.add(key);
            }
        }
        if (options.lookForKeys()) {
            Path ssh = Path.of(System.getProperty("user.home"), ".ssh");
            for (String name : DEFAULT_KEY_FILES) {
                Path file = ssh.resolve(name);
                if (Files.isRegularFile(file)) {
                    PKey key = load(file, false);
                    if (key != null) {
                        keys.add(key);
                    }
                }
            }
        }
        return new ArrayList<>(keys);
    }

    /**
     * Loads a key file with the passphrase, else the password. An encrypted key without either is
     * remembered and skipped, so other credentials still get their turn.
     *
     * @param explicit true for a file the user named: a missing or broken one is an error
     */
    private PKey load(Path file, boolean explicit) throws IOException {
        String secret = options.passphrase() != null ? options.passphrase() : options.password();
        try {
            return PKey.fromPath(file, secret);
        } catch (PasswordRequiredException e) {
            log.debug("Skipping encrypted key {}: no passphrase given", file);
            lockedKeys.add(e);
            return null;
        } catch (NoSuchFileException e) {
            throw e;
        } catch (IOException e) {
            if (explicit) {
                throw e;
            }
            log.debug("Skipping key {}: {}", file, e.getMessage());
            return null;
        }
    }
}
