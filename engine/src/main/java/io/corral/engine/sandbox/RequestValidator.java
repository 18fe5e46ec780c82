package io.corral.engine.sandbox;

import io.corral.api.FunctionRequest;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.Configuration;
import io.corral.api.RequestRejectedException;
import io.corral.api.ScriptRequest;
import io.corral.engine.egress.HostRules;
import io.corral.engine.files.FileQuotas;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a request against the quotas and the engine's configuration before anything runs. Every
 * failure names the field, the problem and what is allowed.
 */
public final class RequestValidator {

    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final Configuration quotas;
    private final Duration maxTimeout;
    private final Set<Language> enabled;
    private final FileQuotas files;

    public RequestValidator(Configuration configuration, Set<Language> enabled) {
        this.quotas = configuration;
        this.maxTimeout = configuration.maxExecutionTimeout();
        this.enabled = enabled;
        this.files = new FileQuotas(configuration.maxInputFiles(), configuration.maxInputFileBytes());
    }

    public void validate(ScriptRequest r) {
        checkLanguage(r.language());
        checkCode(r.code());
        checkSize("stdin", r.stdin(), quotas.maxStdinBytes());
        checkArgs(r.args());
        checkEnv(r.env());
        checkLimits(r.limits());
        files.check(r.files());
        HostRules.compile(r.http());
    }

    public void validate(FunctionRequest r) {
        checkLanguage(r.language());
        checkCode(r.code());
        if (r.inputJson() != null) {
            checkSize("input", r.inputJson(), quotas.maxStdinBytes());
        }
        checkEnv(r.env());
        checkLimits(r.limits());
        files.check(r.files());
        HostRules.compile(r.http());
    }

    public void checkLanguage(Language language) {
        if (!enabled.contains(language)) {
            throw RequestRejectedException.invalid("language",
                    "'" + language.wireName() + "' is not enabled in this engine",
                    enabled.stream().map(Language::wireName).sorted().toList().toString());
        }
    }

    public void checkCode(String code) {
        if (code.isBlank()) {
            throw RequestRejectedException.invalid("code", "is empty", "source code of at most "
                    + human(quotas.maxCodeBytes()));
        }
        checkSize("code", code, quotas.maxCodeBytes());
    }

    public void checkArgs(List<String> args) {
        if (args.size() > quotas.maxArgs()) {
            throw RequestRejectedException.invalid("args", args.size() + " arguments given",
                    "at most " + quotas.maxArgs());
        }
        for (int i = 0; i < args.size(); i++) {
            checkSize("args[" + i + "]", args.get(i), quotas.maxArgBytes());
            if (args.get(i).indexOf('\0') >= 0) {
                throw RequestRejectedException.invalid("args[" + i + "]", "contains a NUL character",
                        "text without NUL");
            }
        }
    }

    public void checkEnv(Map<String, String> env) {
        if (env.size() > quotas.maxEnvVars()) {
            throw RequestRejectedException.invalid("env", env.size() + " variables given",
                    "at most " + quotas.maxEnvVars());
        }
        for (Map.Entry<String, String> e : env.entrySet()) {
            String name = e.getKey();
            if (bytes(name) > quotas.maxEnvNameBytes()) {
                throw RequestRejectedException.invalid("env", "name '" + abbreviate(name) + "' is "
                        + human(bytes(name)), "names of at most " + human(quotas.maxEnvNameBytes()));
            }
            if (!ENV_NAME.matcher(name).matches()) {
                throw RequestRejectedException.invalid("env." + abbreviate(name), "is not a valid variable name",
                        "letters, digits and '_', not starting with a digit");
            }
            checkSize("env." + name, e.getValue(), quotas.maxEnvValueBytes());
            if (e.getValue().indexOf('\0') >= 0) {
                throw RequestRejectedException.invalid("env." + name, "contains a NUL character", "text without NUL");
            }
        }
    }

    public void checkLimits(Limits limits) {
        Duration t = limits.executionTimeout();
        if (t != null && (t.isNegative() || t.isZero())) {
            throw RequestRejectedException.invalid("limits.execution_timeout", "must be positive, got "
                    + t.toSeconds(), "1 to " + maxTimeout.toSeconds() + " seconds");
        }
        if (t != null && t.compareTo(maxTimeout) > 0) {
            throw RequestRejectedException.invalid("limits.execution_timeout", t.toSeconds()
                    + " seconds is above this engine's maximum", "1 to " + maxTimeout.toSeconds() + " seconds");
        }
        Integer m = limits.memorySizeMib();
        if (m != null && (m <= 0 || m > quotas.maxMemorySizeMib())) {
            throw RequestRejectedException.invalid("limits.memory_size", m <= 0 ? "must be positive, got " + m
                    : m + " MiB is above this engine's maximum", "1 to " + quotas.maxMemorySizeMib() + " MiB");
        }
    }

    private static void checkSize(String field, String value, long max) {
        long size = bytes(value);
        if (size > max) {
            throw RequestRejectedException.invalid(field, "is " + human(size), "at most " + human(max));
        }
    }

    private static long bytes(String s) {
        // cheap upper bound first: a string of n chars is at most 3n UTF-8 bytes
        return s.length() < 1024 ? s.getBytes(StandardCharsets.UTF_8).length : utf8Length(s);
    }

    private static long utf8Length(String s) {
        long n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                n += 1;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }

    /** {@code 1048576} → {@code "1 MiB"}, {@code 1500} → {@code "1500 bytes"}. */
    public static String human(long bytes) {
        if (bytes >= Limits.MIB && bytes % Limits.MIB == 0) {
            return bytes / Limits.MIB + " MiB";
        }
        if (bytes >= 1024 && bytes % 1024 == 0) {
            return bytes / 1024 + " KiB";
        }
        return bytes + " bytes";
    }
}
