package io.corral.engine.secrets;

import io.corral.engine.spi.SecretStore;
import io.corral.api.EnvVar;
import io.corral.api.Page;
import io.corral.api.PageRequest;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.RequestRejectedException;
import io.corral.api.Secret;
import io.corral.api.SecretSpec;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Creates secrets and resolves env vars that reference them, on the host, at run time.
 *
 * <pre>{@code
 * SecretVault vault = new SecretVault(new InMemorySecretStore(), ids::next);
 * Secret s = vault.create(new SecretSpec("token", "s3cr3t"));
 * vault.resolve(List.of(EnvVar.fromSecret("TOKEN", s.id())));   // {TOKEN=s3cr3t}
 * }</pre>
 *
 * <p>Secret names need not be unique: the id is the handle, and since secrets cannot be updated
 * (as in Riza), a rotated value is a new secret under the same name. Error messages name ids and
 * variable names, never values.
 */
public final class SecretVault {

    /** Longest secret name, in characters. */
    public static final int MAX_NAME_LENGTH = 256;

    private final SecretStore store;
    private final Supplier<String> ids;

    public SecretVault(SecretStore store, Supplier<String> ids) {
        this.store = store;
        this.ids = ids;
    }

    public Secret create(SecretSpec spec) {
        String name = spec.name().strip();
        if (name.isEmpty() || name.length() > MAX_NAME_LENGTH || name.chars().anyMatch(Character::isISOControl)) {
            throw RequestRejectedException.invalid("name", "'" + abbreviate(name) + "' is not a valid secret name",
                    "1 to " + MAX_NAME_LENGTH + " characters without control characters");
        }
        Secret secret = Secret.of(ids.get(), name);
        store.insert(secret, spec.value());
        return secret;
    }

    public Page<Secret> list(PageRequest page) {
        return Page.of(store.list(page.startingAfter(), page.limit()), page, Secret::id);
    }

    /** The environment with every secret reference replaced by its value, in request order. */
    public Resolved resolve(List<EnvVar> env) {
        Map<String, String> out = new LinkedHashMap<>();
        List<String> secretValues = new java.util.ArrayList<>();
        for (int i = 0; i < env.size(); i++) {
            EnvVar v = env.get(i);
            String field = "env[" + i + "]";
            if (out.containsKey(v.name())) {
                throw RequestRejectedException.invalid(field + ".name", "'" + abbreviate(v.name())
                        + "' is given more than once", "each variable name once");
            }
            if ((v.value() == null) == (v.secretId() == null)) {
                throw RequestRejectedException.invalid(field, v.value() == null ? "has neither value nor secret_id"
                        : "has both value and secret_id", "exactly one of value and secret_id");
            }
            if (v.isSecret()) {
                String value = store.value(v.secretId()).orElseThrow(
                        () -> RequestRejectedException.notFound(field + ".secret_id", "secret", v.secretId()));
                out.put(v.name(), value);
                secretValues.add(value);
            } else {
                out.put(v.name(), v.value());
            }
        }
        return new Resolved(out, secretValues);
    }

    /**
     * The policy with every {@code secret_id} in its credentials replaced by the secret's value
     * ({@code NOT_FOUND} naming {@code http.allow[i].auth.<kind>.secret_id} when unknown), and every
     * credential value in it, literal or from a secret, to scrub from stored records.
     */
    public ResolvedHttp resolve(HttpPolicy policy) {
        List<HttpAllowRule> rules = new java.util.ArrayList<>();
        List<String> credentials = new java.util.ArrayList<>();
        for (int i = 0; i < policy.allow().size(); i++) {
            HttpAllowRule r = policy.allow().get(i);
            HttpAuth a = r.auth();
            String field = "http.allow[" + i + "].auth.";
            HttpAuth.Basic basic = a.basic() == null ? null : HttpAuth.Basic.of(a.basic().userId(),
                    secretOr(a.basic().secretId(), a.basic().password(), field + "basic.secret_id"));
            HttpAuth.Bearer bearer = a.bearer() == null ? null : HttpAuth.Bearer.of(
                    secretOr(a.bearer().secretId(), a.bearer().token(), field + "bearer.secret_id"));
            HttpAuth.Query query = a.query() == null ? null : HttpAuth.Query.of(a.query().key(),
                    secretOr(a.query().secretId(), a.query().value(), field + "query.secret_id"));
            HttpAuth.Header header = a.header();
            for (String v : new String[] {basic == null ? null : basic.password(), bearer == null ? null : bearer.token(),
                    query == null ? null : query.value(), header == null ? null : header.value()}) {
                if (v != null && !v.isEmpty()) {
                    credentials.add(v);
                }
            }
            rules.add(HttpAllowRule.of(r.host()).withAuth(HttpAuth.newBuilder().basic(basic).bearer(bearer)
                    .header(header).query(query).build()));
        }
        return new ResolvedHttp(HttpPolicy.allow(rules), credentials);
    }

    private String secretOr(String secretId, String literal, String field) {
        if (secretId == null) {
            return literal;
        }
        return store.value(secretId).orElseThrow(() -> RequestRejectedException.notFound(field, "secret", secretId));
    }

    /** An HTTP policy with its secrets resolved, and the credential values in it. */
    public record ResolvedHttp(HttpPolicy policy, List<String> credentialValues) {
        @Override
        public String toString() {
            return "ResolvedHttp[rules=" + policy.allow().size() + "]";
        }
    }

    /** A resolved environment and the secret values in it (to scrub from stored records). */
    public record Resolved(Map<String, String> env, List<String> secretValues) {
        @Override
        public String toString() {
            return "Resolved[names=" + env.keySet() + "]";
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 37) + "...";
    }
}
