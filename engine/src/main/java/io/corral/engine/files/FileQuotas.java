package io.corral.engine.files;

import io.corral.api.InputFile;
import io.corral.api.RequestRejectedException;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Limits on a request's input files, checked before anything runs: how many, how large in total,
 * and which paths are acceptable (relative, no {@code ..} or {@code .} segments, no empty
 * segments, no backslashes, no NUL, at most 1024 bytes).
 *
 * @param maxFiles      files per request (default 1000)
 * @param maxTotalBytes total size of all contents, UTF-8 (default 10 MiB)
 */
public record FileQuotas(int maxFiles, long maxTotalBytes) {

    private static final int MAX_PATH_BYTES = 1024;

    public void check(List<InputFile> files) {
        if (files.size() > maxFiles) {
            throw RequestRejectedException.invalid("files", files.size() + " files given", "at most " + maxFiles);
        }
        long total = 0;
        Set<String> seen = new HashSet<>();
        Set<String> directories = new HashSet<>();
        for (int i = 0; i < files.size(); i++) {
            String field = "files[" + i + "].path";
            String path = files.get(i).path();
            checkPath(field, path);
            if (!seen.add(path)) {
                throw RequestRejectedException.invalid(field, "'" + path + "' is given twice", "each path once");
            }
            String[] parts = path.split("/");
            StringBuilder prefix = new StringBuilder();
            for (int p = 0; p < parts.length - 1; p++) {
                prefix.append(p == 0 ? "" : "/").append(parts[p]);
                directories.add(prefix.toString());
            }
            total += files.get(i).contents().getBytes(StandardCharsets.UTF_8).length;
        }
        for (int i = 0; i < files.size(); i++) {
            if (directories.contains(files.get(i).path())) {
                throw RequestRejectedException.invalid("files[" + i + "].path", "'" + files.get(i).path()
                        + "' is both a file and a directory of another file", "distinct file and directory names");
            }
        }
        if (total > maxTotalBytes) {
            throw RequestRejectedException.invalid("files", "contents total " + total + " bytes",
                    "at most " + maxTotalBytes + " bytes in all");
        }
    }

    private static void checkPath(String field, String path) {
        String allowed = "a relative path such as 'data/input.csv' (shown at " + InputFile.MOUNT + "/data/input.csv)";
        if (path.isEmpty()) {
            throw RequestRejectedException.invalid(field, "is empty", allowed);
        }
        if (path.indexOf('\0') >= 0) {
            throw RequestRejectedException.invalid(field, "contains a NUL character", allowed);
        }
        if (path.startsWith("/")) {
            throw RequestRejectedException.invalid(field, "'" + path + "' is absolute", allowed);
        }
        if (path.indexOf('\\') >= 0) {
            throw RequestRejectedException.invalid(field, "'" + path + "' contains a backslash", allowed);
        }
        if (path.getBytes(StandardCharsets.UTF_8).length > MAX_PATH_BYTES) {
            throw RequestRejectedException.invalid(field, "is longer than " + MAX_PATH_BYTES + " bytes", allowed);
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals("..") || segment.equals(".") || segment.isEmpty()) {
                throw RequestRejectedException.invalid(field, "'" + path + "' has a '" + segment
                        + "' segment", allowed);
            }
        }
    }
}
