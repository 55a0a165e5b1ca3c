package org.javamiko.internal.sftp;

import java.io.IOException;
import java.nio.file.FileSystem;
import java.nio.file.ProviderNotFoundException;
import java.nio.file.spi.FileSystemProvider;
import java.util.ServiceLoader;

/**
 * What the {@code sftp} file system provider offers the public SFTP client: a file system over a
 * session that is already open. The client finds the provider as a service (installed, or through
 * its own class loader), so it never names the file-system classes, which use it in turn.
 *
 * @param <C> the client type
 */
public interface ClientFileSystems<C> {
    /**
     * @param client an open session, left open when the file system closes
     * @return a new file system over it
     * @throws IOException when the session cannot say its working directory
     */
    FileSystem over(C client) throws IOException;

    /**
     * @param loader the class loader to search when no installed provider offers this
     * @return the provider that offers file systems over open clients
     * @throws java.nio.file.ProviderNotFoundException when none is found (a repackaged jar lost
     *         its {@code META-INF/services} entry)
     */
    static ClientFileSystems<?> find(ClassLoader loader) {
        for (FileSystemProvider p : FileSystemProvider.installedProviders()) {
            if (p instanceof ClientFileSystems<?> ours) {
                return ours;
            }
        }
        for (FileSystemProvider p : ServiceLoader.load(FileSystemProvider.class, loader)) {
            if (p instanceof ClientFileSystems<?> ours) {
                return ours;
            }
        }
        throw new ProviderNotFoundException("javamiko's sftp file system provider is not installed");
    }
}
