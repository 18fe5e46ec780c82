package io.corral.engine;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Versions this build was made with (filtered into {@code build.properties} by Maven). */
public final class BuildInfo {

    private static final Properties PROPS = load();

    private BuildInfo() {
    }

    private static Properties load() {
        Properties p = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            // versions are informational; an unreadable file leaves them "unknown"
        }
        return p;
    }

    /** Corral's own version, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static String corralVersion() {
        return PROPS.getProperty("corral.version", "unknown");
    }

    /** The GraalVM (Truffle and languages) version every language artifact is pinned to. */
    public static String graalVersion() {
        return PROPS.getProperty("graalvm.version", "unknown");
    }
}
