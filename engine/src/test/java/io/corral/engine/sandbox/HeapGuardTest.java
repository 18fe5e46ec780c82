package io.corral.engine.sandbox;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The heap guard on plain Java threads, this JVM's real collector: a thread that holds more than its
 * limit is caught, one that allocates much more than its limit but holds little is not, and beside
 * others the one holding the memory is the one stopped.
 */
class HeapGuardTest {

    private static final int MIB = 1024 * 1024;
    /** Long enough never to matter when the guard works; only ends a test whose guard never answers. */
    private static final long HANG_GUARD_SECONDS = 120;
    /**
     * How much a runaway thread here takes at most: a third of the heap, at most 1.5 GiB. In a JVM
     * shared with other work (the test suite's), a collection may find less in use than the
     * baseline the guard had (other threads' garbage gone); the guard must then guess what the
     * executions hold, and what a thread held at that moment can go unseen: it is caught by what it
     * takes after (docs/security.md, "Memory in-process").
     */
    private static final int BOMB_CAP_MIB = (int) Math.min(1536, Runtime.getRuntime().maxMemory() / 3 / MIB);

    /**
     * Each test starts from a heap without the previous test's garbage: a guard started beside it
     * would take it for the host's, and its release, which no collection the guard hears of may
     * announce (G1 frees large arrays in its concurrent cycle), for a guess (the tests about guesses
     * make theirs on purpose).
     */
    @BeforeEach
    void collectWhatThePreviousTestLeft() {
        System.gc();
    }

    @Test
    void aThreadHoldingMoreThanItsLimitIsCaught() throws Exception {
        try (HeapGuard guard = HeapGuard.start()) {
            assertTrue(guard.enforcing(), "HotSpot reports collections and per-thread allocation");
            CountDownLatch caught = new CountDownLatch(1);
            List<byte[]> held = new ArrayList<>();
            HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 64L * MIB, caught::countDown);
            try {
                // it keeps taking more, as a runaway program does, until caught (or a third of the heap)
                while (held.size() < BOMB_CAP_MIB && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                assertTrue(caught.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the guard never caught it");
            } finally {
                watch.close();
            }
            assertTrue(watch.breached());
            assertTrue(held.size() > 64, "not before it held its limit: " + held.size() + " MiB");
        }
    }

    @Test
    void aThreadThatAllocatesTenTimesItsLimitButHoldsLittleIsNotCaught() {
        try (HeapGuard guard = HeapGuard.start()) {
            HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 64L * MIB, () -> { });
            byte[] last = null;
            long sum = 0;
            try {
                for (int i = 0; i < 80; i++) {
                    last = new byte[8 * MIB];
                    last[i] = 1;
                    sum += last.length;
                }
                assertTrue(watch.allocatedBytes() >= 10L * 64 * MIB, "it allocated " + (watch.allocatedBytes() >> 20)
                        + " MiB");
            } finally {
                watch.close();
            }
            assertEquals(80L * 8 * MIB, sum);
            assertFalse(watch.breached(), "holding at most 16 MiB of its 64");
        }
    }

    @Test
    void besideOthersTheThreadHoldingTheMemoryIsTheOneStopped() throws Exception {
        try (HeapGuard guard = HeapGuard.start()) {
            CountDownLatch benignStarted = new CountDownLatch(1);
            CountDownLatch bombDone = new CountDownLatch(1);
            List<HeapGuard.Watch> benignWatch = new ArrayList<>();
            Thread benign = new Thread(() -> {
                HeapGuard.Watch w = guard.watch(Thread.currentThread(), 64L * MIB, () -> { });
                synchronized (benignWatch) {
                    benignWatch.add(w);
                }
                byte[] kept = new byte[16 * MIB];
                benignStarted.countDown();
                try {
                    bombDone.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                kept[0] = 1;
                w.close();
            });
            benign.start();
            benignStarted.await();

            CountDownLatch caught = new CountDownLatch(1);
            List<byte[]> held = new ArrayList<>();
            HeapGuard.Watch bomb = guard.watch(Thread.currentThread(), 64L * MIB, caught::countDown);
            try {
                while (held.size() < BOMB_CAP_MIB && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                assertTrue(caught.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the guard never caught it");
            } finally {
                bomb.close();
                bombDone.countDown();
                benign.join();
            }
            assertTrue(bomb.breached());
            assertFalse(benignWatch.get(0).breached(), "the thread holding 16 MiB of its 64 is left alone");
        }
    }

    /**
     * The host let go of much just before the execution (its baseline still counts it): the first
     * complete measure finds less than the baseline and has to guess what the execution holds. That
     * guess must not teach the guard that the execution keeps little of what it allocates, or the
     * guard never looks again: here the guess comes when it holds 256 MiB, and taken as a lesson
     * (it kept 32 of 256) the 224 MiB it holds after would not look like over its limit of 64.
     */
    @Test
    void aGuessAfterTheHostLetGoOfMemoryDoesNotHideTheExecutionHoldingMore() throws Exception {
        List<byte[]> hostHeld = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            hostHeld.add(new byte[MIB]);
        }
        System.gc();
        try (HeapGuard guard = HeapGuard.start()) {
            hostHeld.clear();
            CountDownLatch caught = new CountDownLatch(1);
            List<byte[]> held = new ArrayList<>();
            HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 64L * MIB, caught::countDown);
            try {
                while (held.size() < 256 && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                // any collection: here one for certain, with 256 MiB held and the 512 the host let go gone
                System.gc();
                while (held.size() < 480 && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                assertTrue(caught.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the guard never caught it");
            } finally {
                watch.close();
            }
            assertTrue(watch.breached());
        }
    }

    /**
     * After a guess, a second complete measure finds the execution holding only what the guess left
     * it (half its limit) although it holds four times that: taken as a lesson (it kept 32 MiB of
     * 128, then nothing), the 64 MiB it takes next would look like 2 kept, its share like 34 of its
     * 64, and the guard, between collections, would never look at it again. Measures against a
     * guessed baseline never lower what an execution is taken to keep, so it is caught holding 192.
     */
    @Test
    void measuresAgainstAGuessedBaselineDoNotTeachTheGuardThatTheExecutionKeepsLittle() throws Exception {
        List<byte[]> hostHeld = new ArrayList<>();
        for (int i = 0; i < 512; i++) {
            hostHeld.add(new byte[MIB]);
        }
        System.gc();
        try (HeapGuard guard = HeapGuard.start()) {
            hostHeld.clear();
            CountDownLatch caught = new CountDownLatch(1);
            List<byte[]> held = new ArrayList<>();
            HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 64L * MIB, caught::countDown);
            try {
                while (held.size() < 128 && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                System.gc(); // less than the baseline (the host's 512 MiB gone): the guess
                System.gc(); // the same heap against the guess: the execution seems to hold 32 MiB
                Thread.sleep(500); // the guard reads both (its notifications come on a thread of the JVM's)
                while (held.size() < 192 && caught.getCount() > 0) {
                    held.add(new byte[MIB]);
                }
                assertTrue(caught.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS), "the guard never caught it");
            } finally {
                watch.close();
            }
            assertTrue(watch.breached());
        }
    }

    /**
     * A program that allocated much and kept little when first measured (an interpreter starting
     * up), then holds eight times its limit and waits: no collection comes (what it holds went to
     * the old generation at once), and what it keeps of its allocation, as the guard learned it
     * (1/32), would make it look under its limit between collections for good. An execution that
     * could be over is looked at again at least every {@value HeapGuard#CONFIRM_EVERY_MILLIS} ms, so
     * it is caught while it waits (MemoryLimitTest's 64 MiB bomb was never caught once, in CI).
     * It needs a heap committed in full, as the engine's {@code heap-guard} execution runs this class
     * ({@code -Xms2g -Xmx2g}): in a small committed heap G1 collects on each large array, and that
     * collection catches it whatever the rule.
     */
    @Test
    void aProgramThatKeptLittleAtFirstAndThenHoldsMuchAndWaitsIsCaught() throws Exception {
        try (HeapGuard guard = HeapGuard.start()) {
            CountDownLatch caught = new CountDownLatch(1);
            List<byte[]> held = new ArrayList<>();
            HeapGuard.Watch watch = guard.watch(Thread.currentThread(), 64L * MIB, caught::countDown);
            try {
                byte[] garbage = null;
                for (int i = 0; i < 8192; i++) {
                    garbage = new byte[64 * 1024];
                    garbage[i % garbage.length] = 1;
                }
                assertEquals(1, garbage[8191]);
                System.gc(); // it holds nothing of the 512 MiB it allocated: the guard learns it keeps 1/32
                Thread.sleep(500); // the guard reads it (its notifications come on a thread of the JVM's)
                while (held.size() < 32 && caught.getCount() > 0) {
                    held.add(new byte[16 * MIB]); // 512 MiB, each array straight to the old generation
                }
                assertTrue(caught.await(HANG_GUARD_SECONDS, TimeUnit.SECONDS),
                        "the guard never caught it holding " + (held.size() * 16) + " MiB");
            } finally {
                watch.close();
            }
            assertTrue(watch.breached());
        }
    }
}
