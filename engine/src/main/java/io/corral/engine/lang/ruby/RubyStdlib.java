package io.corral.engine.lang.ruby;

import org.graalvm.polyglot.Value;
import org.graalvm.polyglot.proxy.ProxyExecutable;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where a {@code require}d feature lives in TruffleRuby's standard library, without touching the
 * file system: TruffleRuby's own feature lookup stats files through native POSIX calls, which are
 * off in-process. The index is the list of files TruffleRuby ships in its resources jar (the same
 * files it extracts as its home), read once per JVM.
 *
 * <p>The guest's prelude calls this proxy as {@code find(feature)} and gets back a path relative to
 * the Ruby home ({@code lib/mri/set.rb}), {@code "native:<path>"} when the feature is a C extension
 * ({@code native:lib/mri/date_core.so}: it loads only with native access, in a worker process), or
 * {@code nil}. The proxy answers questions about
 * public, shipped file names only; it reads nothing and returns no host path.
 */
final class RubyStdlib implements ProxyExecutable {

    private static final String RESOURCES = "META-INF/resources/ruby/ruby-home/";
    private static final String[] PLATFORM_LISTS = {
            "linux/amd64/file-list", "linux/aarch64/file-list", "darwin/amd64/file-list", "darwin/aarch64/file-list"};

    /** The singleton: the index is the same for every context of this JVM. */
    static final RubyStdlib INSTANCE = new RubyStdlib();

    private volatile Index index;

    private record Index(List<String> roots, Set<String> rubyFiles, Set<String> nativeFiles) {
    }

    private RubyStdlib() {
    }

    @Override
    public Object execute(Value... args) {
        if (args.length != 1 || !args[0].isString()) {
            return null;
        }
        return find(args[0].asString());
    }

    /** The home-relative file for a feature, {@code native:<home-relative .so>}, or null. */
    String find(String feature) {
        if (feature.isEmpty() || feature.contains("\0") || feature.contains("..") || feature.contains("//")) {
            return null;
        }
        Index ix = index();
        if (feature.startsWith("/")) {
            // a home-relative path the guest derived from an absolute one (require_relative, load)
            String rel = feature.substring(1);
            return ix.rubyFiles.contains(rel) ? rel : ix.nativeFiles.contains(rel) ? "native:" + rel : null;
        }
        String base = feature.endsWith(".rb") ? feature.substring(0, feature.length() - 3) : feature;
        boolean bareSo = feature.endsWith(".so");
        for (String root : ix.roots) {
            if (!bareSo && ix.rubyFiles.contains(root + base + ".rb")) {
                return root + base + ".rb";
            }
            String so = bareSo ? feature : base + ".so";
            if (ix.nativeFiles.contains(root + so)) {
                return "native:" + root + so;
            }
        }
        return null;
    }

    private Index index() {
        Index ix = index;
        if (ix == null) {
            synchronized (this) {
                ix = index;
                if (ix == null) {
                    ix = load();
                    index = ix;
                }
            }
        }
        return ix;
    }

    private static Index load() {
        Set<String> ruby = new HashSet<>();
        Set<String> natives = new HashSet<>();
        readList(RESOURCES + "common/file-list", RESOURCES + "common/", ruby, natives);
        for (String platform : PLATFORM_LISTS) {
            String prefix = RESOURCES + platform.substring(0, platform.length() - "file-list".length());
            if (readList(RESOURCES + platform, prefix, ruby, natives)) {
                break;
            }
        }
        // TruffleRuby's $LOAD_PATH order, then the bundled gems (CRuby reaches them through RubyGems)
        List<String> roots = new ArrayList<>(List.of("lib/truffle/", "lib/mri/", "lib/json/lib/"));
        ruby.stream()
                .filter(p -> p.startsWith("lib/gems/gems/"))
                .map(p -> p.substring(0, p.indexOf('/', "lib/gems/gems/".length()) + 1) + "lib/")
                .filter(root -> ruby.stream().anyMatch(p -> p.startsWith(root)))
                .distinct()
                .sorted()
                .forEach(roots::add);
        return new Index(List.copyOf(roots), Set.copyOf(ruby), Set.copyOf(natives));
    }

    /** Reads one of TruffleRuby's {@code file-list} resources ({@code <resource path> = <mode>}). */
    private static boolean readList(String resource, String prefix, Set<String> ruby, Set<String> natives) {
        try (InputStream in = open(resource)) {
            if (in == null) {
                return false;
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                int eq = line.lastIndexOf(" = ");
                String path = eq < 0 ? line.trim() : line.substring(0, eq);
                if (!path.startsWith(prefix)) {
                    continue;
                }
                String rel = path.substring(prefix.length());
                if (rel.endsWith(".rb")) {
                    ruby.add(rel);
                } else if (rel.endsWith(".so")) {
                    natives.add(rel);
                }
            }
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static InputStream open(String resource) {
        InputStream in = RubyStdlib.class.getClassLoader().getResourceAsStream(resource);
        if (in != null) {
            return in;
        }
        // on the module path the resources jar is its own module
        return ModuleLayer.boot().findModule("org.graalvm.ruby.resources").map(m -> {
            try {
                return m.getResourceAsStream(resource);
            } catch (IOException e) {
                return null;
            }
        }).orElse(null);
    }
}
