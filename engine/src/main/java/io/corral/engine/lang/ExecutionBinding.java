package io.corral.engine.lang;

import io.corral.api.HttpPolicy;
import io.corral.api.InputFile;

import java.util.List;
import java.util.Map;

/**
 * Per-execution state bound into a context after it was created: what the guest sees as its
 * script path, arguments, environment and stdin. Output streams are bound through
 * {@link GuestContext#bind}.
 *
 * @param scriptPath absolute path the guest sees as its own file ({@code /code/main.py})
 * @param args       arguments after the script path
 * @param env        the whole environment the guest sees; nothing is inherited from the host
 * @param stdin      the request's stdin, as text
 * @param files      input files, shown read-only under {@code /mnt/req}
 * @param http       the hosts the guest may reach through the egress gateway, with credentials
 *                   (secret ids already resolved)
 */
public record ExecutionBinding(String scriptPath, List<String> args, Map<String, String> env, String stdin,
                               List<InputFile> files, HttpPolicy http) {

    public ExecutionBinding {
        files = files == null ? List.of() : List.copyOf(files);
        http = http == null ? HttpPolicy.DENY_ALL : http;
    }
}
