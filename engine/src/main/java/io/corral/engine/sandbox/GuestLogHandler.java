package io.corral.engine.sandbox;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;

/**
 * Where Truffle's own log records (a language's warnings, the compiler's messages) go: the host's
 * {@code java.util.logging} logger {@code io.corral.truffle}, never a guest's stderr.
 *
 * <p>Every record is written on one escaped line ({@link LogText}). Once an execution is bound to
 * a context ({@link #guestStarted()}), whatever the languages log comes from the guest's doing, so it
 * is written at {@link Level#FINE} only (invisible under the default configuration) and at most
 * {@value #MAX_GUEST_RECORDS} records per execution: a guest can neither forge host log lines nor
 * flood the log (security case G.32).
 */
public final class GuestLogHandler extends Handler {

    /** The host logger every Truffle record is written to. */
    public static final Logger HOST_LOG = Logger.getLogger("io.corral.truffle");

    static final int MAX_GUEST_RECORDS = 20;

    private final SimpleFormatter formatter = new SimpleFormatter();
    private final AtomicInteger guestRecords = new AtomicInteger();
    private volatile boolean guestRunning;

    /** From now on, records come from a guest's run (a warm instance's next call: a new run, a new count). */
    public void guestStarted() {
        guestRunning = true;
        guestRecords.set(0);
    }

    /** Records written for the guest so far (tests). */
    public int guestRecords() {
        return guestRecords.get();
    }

    @Override
    public void publish(LogRecord record) {
        Level level = record.getLevel() == null ? Level.INFO : record.getLevel();
        if (guestRunning) {
            int n = guestRecords.incrementAndGet();
            if (n > MAX_GUEST_RECORDS) {
                if (n == MAX_GUEST_RECORDS + 1) {
                    HOST_LOG.fine("[guest] further log records of this execution are dropped");
                }
                return;
            }
            level = Level.FINE;
        }
        if (!HOST_LOG.isLoggable(level)) {
            return;
        }
        String message;
        try {
            message = formatter.formatMessage(record);
        } catch (RuntimeException e) {
            message = record.getMessage();
        }
        HOST_LOG.log(level, "[" + LogText.line(record.getLoggerName()) + "] " + LogText.line(message));
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }
}
