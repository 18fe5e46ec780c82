package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Execution;
import io.corral.api.FunctionRequest;
import io.corral.api.FunctionResult;
import io.corral.api.HttpAllowRule;
import io.corral.api.HttpAuth;
import io.corral.api.HttpPolicy;
import io.corral.api.Isolation;
import io.corral.api.Language;
import io.corral.api.OutputStatus;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import io.corral.engine.egress.RecordingServer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Full Ruby in a worker process (PROCESS isolation, Ruby's default): native access inside the OS
 * sandbox, so the standard library's C extensions load; the request's ENV, STDIN and files as
 * in-process; Net::HTTP and open-uri through the host's gateway (its allow list and credentials);
 * functions through the guest's own JSON; and a worker per execution.
 */
class RubyWorkerTest {

    private static final String TOKEN = "tok-RUBY-SECRET-9911";

    @RegisterExtension
    final RecordingServer server = new RecordingServer();

    @BeforeAll
    static void rubyRunsInWorkersHere() {
        assertEquals(Isolation.PROCESS, TestEngine.shared().isolation().get(Language.RUBY),
                "the shared engine runs Ruby in worker processes (needs bubblewrap, see docs/isolation.md)");
    }

    private static Execution run(ScriptRequest request) {
        return TestEngine.shared().run(request);
    }

    private static ExecResult run(String code) {
        return run(ScriptRequest.of(Language.RUBY, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + " " + r.outcome() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    @Test
    void theProgramOfTheIssuePrintsJsonTheNextDayAndNoHostFile() {
        Execution ex = run(ScriptRequest.of(Language.RUBY, "require \"json\"; require \"date\"; "
                + "puts JSON.generate({\"a\" => 1}); puts Date.new(2024,2,29).next_day; puts File.exist?(\"/etc/passwd\")"));
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("{\"a\":1}\n2024-03-01\nfalse\n", r.stdout());
        assertTrue(ex.notices().stream().noneMatch(n -> n.startsWith("process isolation is unavailable")),
                ex.notices().toString());
    }

    @Test
    void theStandardLibraryLoadsWithItsNativeExtensionsAndAnswersAsCRuby() {
        // expected: CRuby 3.1.2's output for the same program
        ExecResult r = run("""
                %w[json set date time csv securerandom digest base64 bigdecimal stringio zlib].each { |lib| require lib }

                p JSON.parse('{"a":[1,2.5,null,"é",123456789012345678901234567890]}')
                puts JSON.generate({ 'b' => [true, nil], c: 1.0 }), JSON.pretty_generate({ 'x' => [1] })
                p Set[1, 2] | Set[3], Set[1, 2].subset?(Set[1, 2, 3])
                p Date.new(2024, 2, 29).next_day, (Date.parse('2024-12-31') >> 2).to_s, Date.new(2024, 3, 1).strftime('%A %j')
                p DateTime.new(2024, 1, 2, 3, 4, 5).iso8601, Date.valid_date?(2023, 2, 29)
                p Time.iso8601('2024-01-02T03:04:05Z').to_i, Time.parse('2024-01-02 10:00:00 UTC').hour, Time.at(0).utc.iso8601
                p Time.strptime('02/01/2024', '%d/%m/%Y').month, Time.utc(2024, 1, 2).httpdate
                p CSV.parse("name,qty\\nwidget,\\"1,5\\"\\n", headers: true).map(&:to_h), CSV.generate_line(['a', 'b c', 'd,e'])
                p SecureRandom.hex(8).size, SecureRandom.uuid.match?(/\\A\\h{8}-\\h{4}-4\\h{3}-\\h{4}-\\h{12}\\z/), SecureRandom.random_number(10).between?(0, 9)
                p Digest::SHA256.hexdigest('abc'), Digest::MD5.hexdigest('abc'), Digest::SHA1.base64digest('abc')
                p Base64.strict_encode64('hi there'), Base64.urlsafe_decode64('aGk_'), Base64.decode64('aGk=')
                p (BigDecimal('0.1') + BigDecimal('0.2')).to_s, BigDecimal('1').div(3, 20).to_s('F'), BigDecimal('123.456').round(1).to_f
                p StringIO.new("a\\nb\\n").readlines(chomp: true), StringIO.new.tap { |io| io << 'x' << 1 }.string
                deflated = Zlib::Deflate.deflate('hello ' * 100)
                p deflated.bytesize < 100, Zlib::Inflate.inflate(deflated).bytesize, Zlib.crc32('abc'), Zlib.adler32('abc')
                gz = StringIO.new(+'')
                Zlib::GzipWriter.wrap(gz) { |w| w.write('gzipped text') }
                p Zlib::GzipReader.new(StringIO.new(gz.string)).read, Zlib.gunzip(Zlib.gzip('again'))
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                {"a"=>[1, 2.5, nil, "é", 123456789012345678901234567890]}
                {"b":[true,null],"c":1.0}
                {
                  "x": [
                    1
                  ]
                }
                #<Set: {1, 2, 3}>
                true
                #<Date: 2024-03-01 ((2460371j,0s,0n),+0s,2299161j)>
                "2025-02-28"
                "Friday 061"
                "2024-01-02T03:04:05+00:00"
                false
                1704164645
                10
                "1970-01-01T00:00:00Z"
                1
                "Tue, 02 Jan 2024 00:00:00 GMT"
                [{"name"=>"widget", "qty"=>"1,5"}]
                "a,b c,\\"d,e\\"\\n"
                16
                true
                true
                "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
                "900150983cd24fb0d6963f7d28e17f72"
                "qZk+NkcGgWq6PiVxeFDCbJzQ2J0="
                "aGkgdGhlcmU="
                "hi?"
                "hi"
                "0.3e0"
                "0.33333333333333333333"
                123.5
                ["a", "b"]
                "x1"
                true
                600
                891568578
                38600999
                "gzipped text"
                "again"
                """, r.stdout());
    }

    @Test
    void envStdinAndFilesAreTheRequestsAndInputsStayReadOnly() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.RUBY, """
                        require 'csv'
                        p ENV.to_h, ENV.fetch('REGION'), ENV['HOME']
                        p STDIN.gets, $stdin.read
                        p File.read('/mnt/req/data/orders.csv'), CSV.read('/mnt/req/data/orders.csv', headers: true).map { |row| row['qty'].to_i }.sum
                        begin
                          File.write('/mnt/req/data/orders.csv', 'changed')
                        rescue SystemCallError => e
                          p e.class
                        end
                        File.write('/tmp/report.txt', "total\\n")
                        File.open('/tmp/report.txt', 'a') { |f| f.puts 3 }
                        p File.read('/tmp/report.txt'), Dir.children('/mnt/req/data'), Dir.pwd
                        p File.exist?('/etc/passwd'), File.exist?('/mnt/req/data/orders.csv')
                        """)
                .env("REGION", "eu").stdin("first\nrest\n").file("data/orders.csv", "sku,qty\na,1\nb,2\n").build())
                .scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                {"REGION"=>"eu"}
                "eu"
                nil
                "first\\n"
                "rest\\n"
                "sku,qty\\na,1\\nb,2\\n"
                3
                Errno::EROFS
                "total\\n3\\n"
                ["orders.csv"]
                "/tmp"
                false
                true
                """, r.stdout());
    }

    @Test
    void exitBangEndsTheScriptAtOnceWithItsStatus() {
        ExecResult r = run(TestEngine.program("rb_exit_bang", Language.RUBY));
        assertEquals(4, r.exitCode(), describe(r));
        assertEquals("before\n", r.stdout());
    }

    @Test
    void netHttpAndOpenUriGoThroughTheHostWhichAddsTheCredentialTheGuestNeverSees() {
        Execution ex = run(ScriptRequest.newBuilder(Language.RUBY, """
                        require 'net/http'
                        require 'open-uri'
                        base = ARGV[0]
                        puts Net::HTTP.get(URI("#{base}/echo?via=get"))
                        res = Net::HTTP.get_response(URI("#{base}/echo?via=get_response"))
                        puts "#{res.class} #{res.code} #{res['content-type']} #{res.body}"
                        res = Net::HTTP.post(URI("#{base}/body"), '{"n":1}', 'Content-Type' => 'application/json')
                        puts "#{res.code} #{res.body}"
                        uri = URI(base)
                        Net::HTTP.start(uri.host, uri.port) do |http|
                          req = Net::HTTP::Put.new('/body')
                          req.set_form_data('q' => 'a b', 'n' => '2')
                          puts http.request(req).body
                          puts http.get('/echo?via=start').body
                        end
                        URI.open("#{base}/echo?via=open-uri", 'X-Trace' => '7') { |io| puts "#{io.status.join(' ')} #{io.read}" }
                        """)
                .args(server.url(""))
                .http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1").withAuth(HttpAuth.bearer(TOKEN)))).build());
        ExecResult r = ex.scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                ok
                Net::HTTPOK 200 text/plain ok
                200 POST application/json {"n":1}
                PUT application/x-www-form-urlencoded q=a+b&n=2
                ok
                200 OK ok
                """, r.stdout());
        List<RecordingServer.Received> seen = server.received();
        assertEquals(List.of("/echo?via=get", "/echo?via=get_response", "/body", "/body", "/echo?via=start",
                "/echo?via=open-uri"), seen.stream().map(RecordingServer.Received::pathAndQuery).toList());
        for (RecordingServer.Received got : seen) {
            assertEquals("Bearer " + TOKEN, got.header("Authorization"), "the host added it to " + got.pathAndQuery());
        }
        assertEquals("7", seen.get(5).header("X-Trace"));
        assertFalse(r.stdout().contains(TOKEN) || r.stderr().contains(TOKEN), "the guest never sees the token");
        assertEquals(6, ex.http().requests());
    }

    @Test
    void refusalsAndFailuresAreRubysOwnErrors() {
        ExecResult r = run(ScriptRequest.newBuilder(Language.RUBY, """
                        require 'net/https' # older code's spelling: net/http (TLS is the host's)
                        require 'open-uri'
                        base = ARGV[0]
                        attempts = {
                          'not allowed' => -> { Net::HTTP.get(URI("http://not-allowed.test:#{URI(base).port}/echo")) },
                          'closed port' => -> { Net::HTTP.get(URI('http://127.0.0.1:1/')) },
                          'not found' => -> { Net::HTTP.get_response(URI("#{base}/status?code=404")).value },
                          'open-uri 404' => -> { URI.open("#{base}/status?code=404").read },
                          'https, closed port' => -> { Net::HTTP.get(URI('https://127.0.0.1:1/')) }
                        }
                        attempts.each do |what, attempt|
                          attempt.call
                          puts "#{what}: reached"
                        rescue StandardError => e
                          puts "#{what}: #{e.class}: #{e.message}"
                        end
                        puts 'after'
                        """)
                .args(server.url(""))
                .http(HttpPolicy.allow(HttpAllowRule.of("127.0.0.1"))).build()).scriptResult();
        assertEquals(0, r.exitCode(), describe(r));
        String[] lines = r.stdout().split("\n");
        assertEquals(6, lines.length, describe(r));
        assertEquals("not allowed: SocketError: request to not-allowed.test refused: the host is not in the http.allow list",
                lines[0], describe(r));
        assertTrue(lines[1].startsWith("closed port: Errno::ECONNREFUSED: Connection refused - request to 127.0.0.1"),
                describe(r));
        assertEquals("not found: Net::HTTPClientException: 404 \"Not Found\"", lines[2], describe(r));
        assertEquals("open-uri 404: OpenURI::HTTPError: 404 Not Found", lines[3], describe(r));
        assertTrue(lines[4].startsWith("https, closed port: Errno::ECONNREFUSED: Connection refused - request to "
                + "127.0.0.1 failed: Connect to https://127.0.0.1:1 failed"), describe(r));
        assertEquals("after", lines[5]);
        assertFalse(r.stdout().replace("Net::HTTPClientException", "").matches("(?s).*(Exception|java\\.|javax\\.).*"),
                "no Java class names: " + describe(r));
    }

    @Test
    void functionsUseTheGuestsOwnJsonAsCRubyDoes() {
        Execution ex = TestEngine.shared().call(FunctionRequest.newBuilder(Language.RUBY, """
                        require 'set'
                        Point = Struct.new(:x, :y)
                        class Money
                          def initialize(cents) = @cents = cents
                          def to_json(*args) = { 'cents' => @cents }.to_json(*args)
                        end
                        def execute(input)
                          { 'echo' => input, 'set' => Set[1], 'point' => Point.new(1, 2), 'money' => Money.new(250),
                            big: 2**70, float: 2.0, sym: :ok, 1 => nil }
                        end
                        """)
                .inputJson("{\"deep\":[[[1]]],\"big\":123456789012345678901234567890,\"s\":\"é\"}").build());
        FunctionResult r = ex.functionResult();
        assertEquals(OutputStatus.VALID, r.outputStatus(), r.execution().stderr());
        assertEquals("{\"echo\":{\"deep\":[[[1]]],\"big\":123456789012345678901234567890,\"s\":\"é\"},"
                + "\"set\":\"#<Set: {1}>\",\"point\":\"#<struct Point x=1, y=2>\",\"money\":{\"cents\":250},"
                + "\"big\":1180591620717411303424,\"float\":2.0,\"sym\":\"ok\",\"1\":null}", r.outputJson());
    }

    @Test
    void fibersMeetTheirBoundBeforeTheWorkersThreadLimitAndThreadsStayRefused() {
        ExecResult r = run("""
                held = []
                begin
                  loop { held << Fiber.new { Fiber.yield }.tap(&:resume) }
                rescue FiberError => e
                  p held.size, e.message
                end
                p [1, 2].each.next
                begin
                  Thread.new { 1 }.join
                rescue SecurityError => e
                  p e.message
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("150\n\"can't create fiber: 150 fibers are alive in this execution (each holds a thread until it "
                + "finishes)\"\n1\n\"threads not allowed in single-threaded mode\"\n", r.stdout());
    }

    @Test
    void aWorkerServesOneExecutionSoNothingItDidToItsProcessReachesTheNext() {
        // native access reaches the worker's own process: its real /tmp (not the execution's) and its limits
        String probe = """
                marker = '/tmp/corral-worker-marker'
                before = begin
                  IO.sysopen(marker)
                  'a marker was left'
                rescue Errno::ENOENT
                  'no marker'
                end
                fd = IO.sysopen(marker, File::WRONLY | File::CREAT, 0o600)
                IO.new(fd).close
                limit = Process.getrlimit(:CPU)[0]
                Process.setrlimit(:CPU, 86_400)
                puts before, limit == 86_400 ? 'limit left at a day' : 'limit fresh'
                """;
        ExecResult first = run(probe);
        ExecResult second = run(probe);
        assertEquals(0, first.exitCode(), describe(first));
        assertEquals("no marker\nlimit fresh\n", first.stdout(), describe(first));
        assertEquals("no marker\nlimit fresh\n", second.stdout(), describe(second));
    }
}
