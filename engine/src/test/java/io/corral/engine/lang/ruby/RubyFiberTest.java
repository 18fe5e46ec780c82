package io.corral.engine.lang.ruby;

import io.corral.api.ExecResult;
import io.corral.api.Language;
import io.corral.api.Limits;
import io.corral.api.ScriptRequest;
import io.corral.engine.TestEngine;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Fibers are on (external enumerators need them) while guest threads stay refused: TruffleRuby runs
 * each fiber on a Java thread of its own, so contexts allow thread creation in TruffleRuby's
 * single-threaded mode, which refuses {@code Thread.new}; the lockdown bounds the fibers alive at
 * once, and the context's close ends every fiber thread with the execution. These run in-process, where
 * fiber threads are this JVM's; in a worker process they are the worker's, bounded by its sandbox
 * ({@code RubyWorkerTest}).
 */
class RubyFiberTest {

    /** TruffleRuby's name for the Java thread of a fiber ({@code FiberManager.NAME_PREFIX}). */
    private static final String FIBER_THREAD = "Ruby Fiber";

    /** In-process Ruby: its fibers are threads of this JVM, which the tests count. */
    private static ExecResult run(String code) {
        return TestEngine.rubyInProcess().run(ScriptRequest.of(Language.RUBY, code)).scriptResult();
    }

    private static String describe(ExecResult r) {
        return "exit=" + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }

    private static List<String> fiberThreads() {
        return Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                .filter(n -> n.startsWith(FIBER_THREAD)).toList();
    }

    /** Fiber threads still alive after waiting up to 10 s for them to end. */
    private static List<String> fiberThreadsLeft() throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        List<String> left = fiberThreads();
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
            left = fiberThreads();
        }
        return left;
    }

    @Test
    void externalEnumeratorsAndFibersWorkAsInCRuby() {
        ExecResult r = run("""
                p [1,2].zip(1..2)
                e = [1,2].each
                p e.next, e.peek, e.next
                begin
                  e.next
                rescue StopIteration => s
                  p s.result
                end
                g = Enumerator.new { |y| y << :a; y.yield :b; :done }
                p [g.next, g.next]
                p((g.next rescue $!.result))
                p %w[x y z].each_with_index.next, (1..3).each_slice(2).next
                words = %w[a b c].each
                got = []
                loop { got << words.next }
                p got
                f = Fiber.new { |x| y = Fiber.yield(x * 2); y + 1 }
                p f.resume(5), f.resume(10), f.alive?
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("""
                [[1, 1], [2, 2]]
                1
                2
                2
                [1, 2]
                [:a, :b]
                :done
                ["x", 0]
                [1, 2]
                ["a", "b", "c"]
                10
                11
                false
                """, r.stdout());
    }

    @Test
    void threadsStayRefusedWithFibersOn() {
        ExecResult r = run("""
                [-> { Thread.new { puts 'thread ran' }.join }, -> { Thread.start { 1 } }, -> { Thread.fork { 1 } }].each do |t|
                  t.call
                  puts 'started'
                rescue SecurityError => e
                  puts "refused: #{e.message}"
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("refused: threads not allowed in single-threaded mode\n".repeat(3), r.stdout());
    }

    @Test
    void timeLimitStopsAGuestBusyInsideAFiberAndNoFiberThreadOutlivesIt() throws InterruptedException {
        long start = System.nanoTime();
        ExecResult r = TestEngine.rubyInProcess().run(ScriptRequest.newBuilder(Language.RUBY, """
                        parked = Array.new(20) { |i| Fiber.new { Fiber.yield i; :never }.tap(&:resume) }
                        puts "parked #{parked.size}"
                        Fiber.new { loop { begin; loop {}; rescue Exception; end } }.resume
                        """)
                .limits(Limits.newBuilder().executionTimeoutSeconds(2).build()).build()).scriptResult();
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(124, r.exitCode(), describe(r));
        assertEquals("parked 20\n", r.stdout());
        assertTrue(seconds < 30, "stopped after " + seconds + " s");
        assertEquals(List.of(), fiberThreadsLeft(), "fiber threads outlived their execution");
        assertEquals("ok\n", run("puts 'ok'").stdout(), "the next execution runs");
    }

    @Test
    void fibersLeftSuspendedEndWithTheirExecution() throws InterruptedException {
        ExecResult r = run("""
                gens = Array.new(30) { |i| Enumerator.new { |y| loop { y << i } } }
                p gens.map(&:next).sum
                fibers = Array.new(30) { Fiber.new { Fiber.yield; :unreached } }
                fibers.each(&:resume)
                p fibers.count(&:alive?)
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("435\n30\n", r.stdout());
        assertEquals(List.of(), fiberThreadsLeft(), "fiber threads outlived their execution");
    }

    @Test
    void aGuestCannotHoldMoreThanAThousandFibersAlive() throws InterruptedException {
        ExecResult r = run("""
                done = 0
                3000.times { done += 1 if Fiber.new { :finished }.resume == :finished }
                p done
                held = []
                begin
                  loop { held << Fiber.new { Fiber.yield }.tap(&:resume) }
                rescue FiberError => e
                  p held.size, e.message
                end
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("3000\n1000\n\"can't create fiber: 1000 fibers are alive in this execution "
                + "(each holds a thread until it finishes)\"\n", r.stdout());
        assertEquals(List.of(), fiberThreadsLeft(), "fiber threads outlived their execution");
    }

    @Test
    void zipWithARangeNeedsNoFiberSoLoopsOfItNeverReachTheBound() {
        ExecResult r = run("""
                n = 0
                1500.times { n += [1, 2].zip(1..2, [3, 4].each).size }
                p n
                a = [1, 2]
                e = a.each
                e.next
                a << 3
                p [e.next, e.next]
                """);
        assertEquals(0, r.exitCode(), describe(r));
        assertEquals("3000\n[2, 3]\n", r.stdout());
    }
}
