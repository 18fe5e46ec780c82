package io.corral.engine;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GraalVM release the build pins ({@code graalvm.version}, which {@code corral --version}
 * prints) is the one every GraalVM jar on the class path comes from: polyglot, Truffle and each
 * language (docs/security.md, "Staying patched").
 */
class GraalVersionTest {

    @Test
    void everyGraalVmJarIsThePinnedRelease() throws IOException {
        String pinned = BuildInfo.graalVersion();
        assertFalse(pinned.isBlank() || pinned.contains("${"), "the build filled in graalvm.version: " + pinned);
        Map<String, String> versions = new TreeMap<>();
        Enumeration<URL> manifests = GraalVersionTest.class.getClassLoader().getResources("META-INF/MANIFEST.MF");
        while (manifests.hasMoreElements()) {
            URL url = manifests.nextElement();
            if (!url.toString().contains("/org/graalvm/")) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                var attributes = new Manifest(in).getMainAttributes();
                String version = attributes.getValue("Implementation-Version");
                if (version != null && "Oracle Corporation".equals(attributes.getValue("Implementation-Vendor"))) {
                    versions.put(String.valueOf(attributes.getValue("Name")), version);
                }
            }
        }
        assertTrue(versions.keySet().containsAll(java.util.List.of("polyglot", "truffle-api", "python-language",
                "js-language", "ruby-language")), "found the GraalVM jars: " + versions);
        versions.forEach((jar, version) -> assertEquals(pinned, version, jar + " is not the pinned GraalVM release"));
    }
}
