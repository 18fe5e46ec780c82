package io.corral.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.corral.api.Language;
import io.corral.server.store.ServerStores;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;

import static io.corral.server.RizaAcceptanceTest.obj;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** HTTPS from a PEM certificate and key, on a host other machines could reach. */
class TlsTest {

    @TempDir
    static Path dir;

    private static SelfSignedCertificate cert;
    private static ServerStores stores;
    private static CorralServer server;

    @BeforeAll
    static void start() throws Exception {
        cert = SelfSignedCertificate.create(dir);
        stores = TestServers.newStores();
        // 0.0.0.0 is refused without TLS (ServerConfigTest); with it, the server starts
        server = CorralServer.start(ServerConfig.newBuilder().host("0.0.0.0").port(0)
                .apiKeys(java.util.List.of(TestServers.KEY)).languages(Language.JAVASCRIPT)
                .tls(cert.certificatePem, cert.privateKeyPem).build(), stores);
    }

    @AfterAll
    static void stop() {
        if (server != null) {
            server.close();
        }
        if (stores != null) {
            stores.close();
        }
    }

    @Test
    void servesTheApiOverHttpsWithThePemCertificate() throws Exception {
        URI base = server.baseUri();
        assertEquals("https", base.getScheme());
        assertEquals("127.0.0.1", base.getHost());

        HttpClient client = HttpClient.newBuilder().sslContext(cert.trustingContext()).build();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create(base + "/healthz")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals(cert.certificate, health.sslSession().orElseThrow().getPeerCertificates()[0]);

        RizaClient riza = RizaClient.newBuilder(base, TestServers.KEY).sslContext(cert.trustingContext()).build();
        JsonNode r = riza.exec(obj("language", "javascript", "code", "console.log('over tls')"));
        assertEquals("over tls\n", r.get("stdout").asText(), r.toString());
        assertEquals(1, riza.listExecutions(Map.of()).size());
    }
}
