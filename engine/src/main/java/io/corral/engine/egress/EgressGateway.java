package io.corral.engine.egress;

import io.corral.engine.spi.NameResolver;
import io.corral.api.HttpAuth;
import io.corral.api.RequestRejectedException;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.util.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.regex.Pattern;

/**
 * The one way a guest reaches the network: every language's HTTP API sends its requests here.
 * One gateway serves one execution. For each request (and each redirect hop) it:
 *
 * <ol>
 *   <li>parses the URL strictly (http/https only, no user info, no backslashes);</li>
 *   <li>finds the allow rule for the host — a host no rule names is refused <b>without any DNS
 *       look-up</b>;</li>
 *   <li>resolves the name once, refuses internal addresses ({@link AddressRules}) and connects to
 *       exactly that address (the resolver the HTTP client sees returns the pinned address);</li>
 *   <li>drops guest headers that would change the connection ({@code Host}, {@code Connection},
 *       proxies…) and adds the rule's credentials — replacing a guest header of the same name —
 *       only over https, or to an internal address the engine was explicitly allowed to reach,
 *       and never after a redirect went from https down to http;</li>
 *   <li>bounds the request by the remaining time limit, the request/response body caps (after
 *       decompression) and the per-execution request count.</li>
 * </ol>
 */
public final class EgressGateway implements GuestHttp {

    private static final ScheduledExecutorService ABORTS = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "corral-egress-timeouts");
        t.setDaemon(true);
        return t;
    });

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final Set<String> DROPPED_HEADERS = Set.of("host", "connection", "content-length",
            "transfer-encoding", "te", "upgrade", "keep-alive", "proxy-authorization", "proxy-connection", "expect",
            "trailer");
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    private final HostRules rules;
    private final EgressSettings settings;
    private final NameResolver resolver;
    private final LongSupplier remainingNanos;
    private final Map<String, InetAddress> pinned = new ConcurrentHashMap<>();
    private CloseableHttpClient client;

    private long guestDeadline = Long.MAX_VALUE;
    /** The request on the wire, so {@link #abort} can end it from another thread. */
    private volatile HttpUriRequestBase onTheWire;
    private volatile boolean aborted;
    private int requests;
    private int refusals;
    private long bytesOut;
    private long bytesIn;

    /**
     * @param remainingNanos what is left of the execution's time limit, read before each request
     */
    public EgressGateway(HostRules rules, EgressSettings settings, NameResolver resolver, LongSupplier remainingNanos) {
        this.rules = rules;
        this.settings = settings;
        this.resolver = resolver;
        this.remainingNanos = remainingNanos;
    }

    @Override
    public synchronized EgressMetrics metrics() {
        return new EgressMetrics(requests, refusals, bytesOut, bytesIn);
    }

    /** Sends the request (following redirects) or refuses it with a reason naming the host. */
    public GuestHttpResponse send(GuestHttpRequest request) throws EgressRefusedException, IOException {
        return send(request, null);
    }

    /**
     * As {@link #send(GuestHttpRequest)}, with the whole exchange (every hop) bounded further by
     * {@code maxTime} when it is not null: the guest arranged an abort after that long.
     */
    @Override
    public synchronized GuestHttpResponse send(GuestHttpRequest request, Duration maxTime)
            throws EgressRefusedException, IOException {
        long until = maxTime == null ? Long.MAX_VALUE : System.nanoTime() + maxTime.toNanos();
        guestDeadline = until;
        try {
            return follow(request);
        } catch (EgressRefusedException e) {
            refusals++;
            throw e;
        }
    }

    private GuestHttpResponse follow(GuestHttpRequest request) throws EgressRefusedException, IOException {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (!METHODS.contains(method)) {
            throw new EgressRefusedException(null, "method '" + request.method() + "' is not allowed; allowed: "
                    + METHODS);
        }
        if (request.body().length > settings.maxRequestBytes()) {
            throw new EgressRefusedException(null, "the request body of " + request.body().length
                    + " bytes is over the limit of " + settings.maxRequestBytes());
        }
        List<Map.Entry<String, String>> headers = cleanHeaders(request.headers());
        URI uri = parse(request.url());
        byte[] body = request.body();
        boolean downgraded = false;
        for (int hop = 0; ; hop++) {
            HopResult r = sendOnce(method, uri, headers, body, downgraded);
            if (r.redirect == null) {
                return r.response;
            }
            if (hop >= settings.maxRedirects()) {
                throw new EgressRefusedException(uri.getHost(), "more than " + settings.maxRedirects() + " redirects");
            }
            URI next;
            try {
                next = parse(uri.resolve(r.redirect).toString());
            } catch (IllegalArgumentException e) {
                throw new EgressRefusedException(uri.getHost(), "the redirect location is not a valid URL");
            }
            downgraded |= "https".equals(uri.getScheme()) && "http".equals(next.getScheme());
            int status = r.response.status();
            if (status == 303 || ((status == 301 || status == 302) && "POST".equals(method))) {
                method = "GET";
                body = new byte[0];
            }
            uri = next;
        }
    }

    private record HopResult(GuestHttpResponse response, String redirect) {
    }

    private HopResult sendOnce(String method, URI uri, List<Map.Entry<String, String>> guestHeaders, byte[] body,
                               boolean downgraded) throws EgressRefusedException, IOException {
        String host;
        try {
            host = HostRules.normalizeHost(uri.getHost(), "url");
        } catch (RequestRejectedException e) {
            throw new EgressRefusedException(null, "'" + abbreviate(uri.getHost()) + "' is not a valid host name");
        }
        int port = uri.getPort() != -1 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        Optional<HostRules.Match> rule = rules.match(host, port);
        if (rule.isEmpty()) {
            throw new EgressRefusedException(host, "the host is not in the http.allow list"
                    + (rules.namesHost(host) ? " for port " + port : ""));
        }
        InetAddress address = pin(host);
        boolean internal = AddressRules.classify(address).isPresent();
        if (requests >= settings.maxRequests()) {
            throw new EgressRefusedException(host, "this execution already made " + settings.maxRequests()
                    + " requests (the limit)");
        }
        long leftNanos = remainingNanos.getAsLong();
        if (leftNanos <= 0) {
            throw new EgressRefusedException(host, "the execution's time limit is used up");
        }
        if (guestDeadline != Long.MAX_VALUE) {
            long guestLeft = guestDeadline - System.nanoTime();
            if (guestLeft <= 0) {
                throw new EgressRefusedException(host, "aborted by the guest");
            }
            leftNanos = Math.min(leftNanos, guestLeft);
        }
        Duration timeout = Duration.ofNanos(Math.min(leftNanos, settings.requestTimeout().toNanos()));

        boolean allowedInternal = internal && settings.allowPrivateNetwork();
        boolean mayInject = !downgraded && ("https".equals(uri.getScheme()) || allowedInternal)
                && rule.get().credentialsAllowedOn(port, allowedInternal);
        HttpAuth auth = rule.get().rule().auth();
        URI target = mayInject ? withQueryCredential(uri, auth) : uri;

        HttpUriRequestBase req = new HttpUriRequestBase(method, target);
        for (Map.Entry<String, String> h : guestHeaders) {
            req.addHeader(h.getKey(), h.getValue());
        }
        if (mayInject) {
            injectHeaders(req, auth);
        }
        if (body.length > 0) {
            req.setEntity(new ByteArrayEntity(body, null));
        }
        req.setConfig(RequestConfig.custom()
                .setResponseTimeout(Timeout.of(timeout))
                .setConnectionRequestTimeout(Timeout.of(timeout))
                .build());
        requests++;
        bytesOut += body.length;
        ScheduledFuture<?> abort = ABORTS.schedule(req::cancel, timeout.toNanos(), TimeUnit.NANOSECONDS);
        onTheWire = req;
        try {
            if (aborted) {
                // abort() ran before this request was on the wire, and so could not cancel it
                throw new EgressRefusedException(host, "the execution was cancelled");
            }
            return client(timeout).execute(req, response -> readResponse(uri, response));
        } catch (ResponseTooLarge e) {
            throw new EgressRefusedException(host, "the response body is over the limit of "
                    + settings.maxResponseBytes() + " bytes (after decompression)");
        } catch (IOException e) {
            if (e instanceof org.apache.hc.client5.http.ConnectTimeoutException) {
                throw new EgressRefusedException(host, "could not connect within " + timeout.toMillis() + " ms");
            }
            // The abort timer and the socket's own read timeout race for the same deadline; either one
            // ending the exchange is the request timeout.
            if (aborted) {
                throw new EgressRefusedException(host, "the execution was cancelled");
            }
            if (req.isCancelled() || e instanceof java.net.SocketTimeoutException) {
                throw new EgressRefusedException(host, "no complete response within " + timeout.toMillis() + " ms");
            }
            throw e;
        } finally {
            onTheWire = null;
            abort.cancel(false);
        }
    }

    /**
     * Ends the request on the wire, if any, and refuses every later one; callable from any thread
     * while {@link #send} blocks. The execution is being cancelled: a guest blocked in a socket read
     * is host code that closing its context cannot interrupt, so without this its cancellation (and
     * its record) would wait for the remote server or the request timeout (minutes).
     */
    @Override
    public void abort() {
        aborted = true;
        HttpUriRequestBase req = onTheWire;
        if (req != null) {
            req.cancel();
        }
    }

    private static final class ResponseTooLarge extends IOException {
        ResponseTooLarge() {
            super("response too large", null);
        }
    }

    private HopResult readResponse(URI uri, ClassicHttpResponse response) throws IOException {
        List<Map.Entry<String, String>> headers = new ArrayList<>();
        for (Header h : response.getHeaders()) {
            headers.add(new AbstractMap.SimpleImmutableEntry<>(h.getName(), h.getValue()));
        }
        byte[] body = new byte[0];
        HttpEntity entity = response.getEntity();
        if (entity != null) {
            try (InputStream in = entity.getContent()) {
                body = readCapped(in);
            }
        }
        bytesIn += body.length;
        int status = response.getCode();
        String location = null;
        if (status >= 300 && status < 400 && status != 304 && response.getFirstHeader("Location") != null) {
            location = response.getFirstHeader("Location").getValue();
        }
        // the URL reported back is the guest's own: a query credential was added only to the copy sent
        return new HopResult(new GuestHttpResponse(status, response.getReasonPhrase(), headers, body,
                uri.toString()), location);
    }

    private byte[] readCapped(InputStream in) throws IOException {
        if (in == null) {
            return new byte[0];
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[16 * 1024];
        long max = settings.maxResponseBytes();
        int n;
        while ((n = in.read(buf)) > 0) {
            if (out.size() + (long) n > max) {
                throw new ResponseTooLarge();
            }
            out.write(buf, 0, n);
        }
        return out.toByteArray();
    }

    private InetAddress pin(String host) throws EgressRefusedException {
        InetAddress known = pinned.get(host);
        if (known != null) {
            return known;
        }
        InetAddress[] candidates;
        Optional<InetAddress> literal = IpLiterals.parse(host);
        if (literal.isPresent()) {
            candidates = new InetAddress[] {literal.get()};
        } else {
            try {
                candidates = resolver.resolve(host);
            } catch (UnknownHostException e) {
                throw new EgressRefusedException(host, "the name does not resolve");
            }
        }
        if (candidates == null || candidates.length == 0) {
            throw new EgressRefusedException(host, "the name does not resolve");
        }
        // every address must pass: a name that also resolves inside is refused outright
        for (InetAddress a : candidates) {
            Optional<AddressRules.Refusal> refusal = AddressRules.classify(a);
            if (refusal.isPresent() && (refusal.get() == AddressRules.Refusal.ALWAYS || !settings.allowPrivateNetwork())) {
                throw new EgressRefusedException(host, "it resolves to " + refusal.get().description()
                        + (refusal.get() == AddressRules.Refusal.INTERNAL
                        ? " (the engine does not allow the private network)" : ""));
            }
        }
        InetAddress chosen = candidates[0];
        pinned.put(host, chosen);
        return chosen;
    }

    private CloseableHttpClient client(Duration connectTimeout) {
        if (client == null) {
            DnsResolver pinnedOnly = new DnsResolver() {
                @Override
                public InetAddress[] resolve(String host) throws UnknownHostException {
                    String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
                    InetAddress a = pinned.get(HostRules.normalizeHost(h, "url"));
                    if (a == null) {
                        throw new UnknownHostException(host + " was not checked by the egress policy");
                    }
                    return new InetAddress[] {a};
                }

                @Override
                public String resolveCanonicalHostname(String host) {
                    return host;
                }
            };
            client = HttpClients.custom()
                    .setConnectionManager(PoolingHttpClientConnectionManagerBuilder.create()
                            .setDnsResolver(pinnedOnly)
                            .setDefaultConnectionConfig(ConnectionConfig.custom()
                                    .setConnectTimeout(Timeout.of(connectTimeout))
                                    .setSocketTimeout(Timeout.of(settings.requestTimeout()))
                                    .build())
                            .build())
                    .disableRedirectHandling()
                    .disableAutomaticRetries()
                    .disableCookieManagement()
                    .disableAuthCaching()
                    .setUserAgent("corral")
                    .build();
        }
        return client;
    }

    private static URI parse(String url) throws EgressRefusedException {
        if (url.indexOf('\\') >= 0 || url.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new EgressRefusedException(null, "the URL contains a backslash or a control character");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new EgressRefusedException(null, "'" + abbreviate(url) + "' is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new EgressRefusedException(uri.getHost(), "only http and https URLs are allowed");
        }
        if (uri.getRawUserInfo() != null || (uri.getRawAuthority() != null && uri.getRawAuthority().contains("@"))) {
            throw new EgressRefusedException(uri.getHost(), "URLs with user info (user@host) are not allowed");
        }
        if ((uri.getHost() == null || uri.getHost().isEmpty()) && uri.getRawAuthority() != null) {
            // java.net.URI does not take inet_aton forms such as 127.1 or 0x7f.0.0.1 as hosts, but
            // resolvers do: read them as the address they denote
            String authority = uri.getRawAuthority();
            int colon = authority.lastIndexOf(':');
            String hostPart = colon > 0 && authority.indexOf(']') < colon ? authority.substring(0, colon) : authority;
            String port = hostPart.length() < authority.length() ? authority.substring(hostPart.length()) : "";
            Optional<InetAddress> ip = IpLiterals.parse(hostPart);
            if (ip.isPresent()) {
                try {
                    uri = new URI(uri.getScheme() + "://" + IpLiterals.canonical(ip.get()) + port
                            + (uri.getRawPath() == null ? "" : uri.getRawPath())
                            + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()));
                } catch (URISyntaxException e) {
                    throw new EgressRefusedException(hostPart, "is not a valid URL");
                }
            }
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new EgressRefusedException(null, "'" + abbreviate(url) + "' has no host");
        }
        if (!scheme.equals(uri.getScheme())) {
            try {
                uri = new URI(scheme, uri.getRawSchemeSpecificPart(), uri.getRawFragment());
            } catch (URISyntaxException e) {
                throw new EgressRefusedException(uri.getHost(), "is not a valid URL");
            }
        }
        return uri;
    }

    private static List<Map.Entry<String, String>> cleanHeaders(List<Map.Entry<String, String>> headers)
            throws EgressRefusedException {
        List<Map.Entry<String, String>> out = new ArrayList<>();
        for (Map.Entry<String, String> h : headers) {
            String name = h.getKey();
            String value = h.getValue() == null ? "" : h.getValue();
            if (name == null || !TOKEN.matcher(name).matches()) {
                throw new EgressRefusedException(null, "header name '" + abbreviate(String.valueOf(name))
                        + "' is not a valid HTTP token");
            }
            if (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0 || value.indexOf('\0') >= 0) {
                throw new EgressRefusedException(null, "header '" + name + "' contains a line break or NUL");
            }
            if (!DROPPED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                out.add(new AbstractMap.SimpleImmutableEntry<>(name, value));
            }
        }
        return out;
    }

    private static void injectHeaders(HttpUriRequestBase req, HttpAuth auth) {
        if (auth.basic() != null) {
            String pair = nullToEmpty(auth.basic().userId()) + ":" + nullToEmpty(auth.basic().password());
            req.setHeader("Authorization", "Basic "
                    + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
        if (auth.bearer() != null) {
            req.setHeader("Authorization", "Bearer " + nullToEmpty(auth.bearer().token()));
        }
        if (auth.header() != null && auth.header().name() != null && TOKEN.matcher(auth.header().name()).matches()) {
            // setHeader replaces every guest header of that name (case-insensitively): never two copies
            req.setHeader(auth.header().name(), nullToEmpty(auth.header().value()));
        }
    }

    private static URI withQueryCredential(URI uri, HttpAuth auth) {
        if (auth.query() == null || auth.query().key() == null) {
            return uri;
        }
        String pair = URLEncoder.encode(auth.query().key(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(nullToEmpty(auth.query().value()), StandardCharsets.UTF_8);
        String query = uri.getRawQuery() == null || uri.getRawQuery().isEmpty() ? pair : uri.getRawQuery() + "&" + pair;
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        try {
            return new URI(uri.getScheme() + "://" + uri.getRawAuthority() + path + "?" + query);
        } catch (URISyntaxException e) {
            return uri;
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    @Override
    public synchronized void close() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // nothing left to release that matters
            }
            client = null;
        }
    }
}
