package org.javamiko.bench.clients;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Library versions, read from the pom.properties Maven puts in every jar. */
final class Versions {
    private Versions() {
    }

    /** The version in a jar's file name ({@code sshj-0.40.0.jar}), for jars without pom.properties. */
    private static String fromJarName(String artifactId) {
        for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
            String file = entry.substring(entry.lastIndexOf('/') + 1);
            if (file.startsWith(artifactId + "-") && file.endsWith(".jar")) {
                return file.substring(artifactId.length() + 1, file.length() - 4);
            }
        }
        return "?";
    }

    /** @return the version of {@code groupId:artifactId} on the class path, or "?" */
    static String of(String groupId, String artifactId) {
        String resource = "/META-INF/maven/" + groupId + "/" + artifactId + "/pom.properties";
        try (InputStream in = Versions.class.getResourceAsStream(resource)) {
            if (in == null) {
                return fromJarName(artifactId);
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "?");
        } catch (IOException e) {
            return "?";
        }
    }
}
