package io.corral.server.store;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A few connections to one database, handed to one thread at a time. Reads run in autocommit;
 * writes run in a transaction, which the data source begins {@code IMMEDIATE} (taking SQLite's
 * write lock at once), so a read-then-write never fails halfway with a busy snapshot and waits for
 * another process's writer up to the busy timeout instead.
 */
final class Database implements AutoCloseable {

    @FunctionalInterface
    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final long ACQUIRE_TIMEOUT_SECONDS = 60;

    private final DataSource dataSource;
    private final String description;
    private final int maxConnections;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition returned = lock.newCondition();
    private final Deque<Connection> idle = new ArrayDeque<>();
    private final List<Connection> all = new ArrayList<>();
    private boolean closed;

    Database(DataSource dataSource, String description, int maxConnections) {
        this.dataSource = dataSource;
        this.description = description;
        this.maxConnections = maxConnections;
    }

    /** Runs {@code work} on a connection in autocommit mode (each statement its own transaction). */
    <T> T read(String what, Work<T> work) {
        Connection c = acquire(what);
        try {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            release(c);
        }
    }

    /** Runs {@code work} in one transaction: committed when it returns, rolled back when it throws. */
    <T> T write(String what, Work<T> work) {
        Connection c = acquire(what);
        try {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException | Error e) {
                rollback(c, e);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } finally {
            release(c);
        }
    }

    StoreException failure(String what, SQLException e) {
        return new StoreException(what + " failed in " + description + ": " + e.getMessage(), e);
    }

    /** A primary key or unique constraint was violated. */
    static boolean isUniqueViolation(SQLException e) {
        if (e instanceof SQLiteException s) {
            SQLiteErrorCode code = s.getResultCode();
            return code == SQLiteErrorCode.SQLITE_CONSTRAINT_PRIMARYKEY || code == SQLiteErrorCode.SQLITE_CONSTRAINT_UNIQUE;
        }
        return "23505".equals(e.getSQLState());
    }

    /**
     * Times are stored as nanoseconds since the epoch: exact, and ordered as {@link Instant}s are.
     *
     * @throws IllegalArgumentException for instants outside 1677-09-21 .. 2262-04-11
     */
    static long epochNanos(Instant t) {
        try {
            return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000_000L), t.getNano());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("time " + t + " cannot be stored: it must lie between "
                    + Instant.ofEpochSecond(0, Long.MIN_VALUE) + " and " + Instant.ofEpochSecond(0, Long.MAX_VALUE));
        }
    }

    /** {@link #epochNanos}, saturating instead of failing: for the bounds of a query. */
    static long epochNanosBound(Instant t) {
        try {
            return epochNanos(t);
        } catch (IllegalArgumentException e) {
            return t.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static Instant fromEpochNanos(long nanos) {
        return Instant.ofEpochSecond(0, nanos);
    }

    private Connection acquire(String what) {
        lock.lock();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(ACQUIRE_TIMEOUT_SECONDS);
            while (true) {
                if (closed) {
                    throw new IllegalStateException(what + ": " + description + " is closed");
                }
                Connection c = idle.pollFirst();
                if (c != null) {
                    return c;
                }
                if (all.size() < maxConnections) {
                    c = dataSource.getConnection();
                    all.add(c);
                    return c;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new StoreException(what + ": no connection to " + description + " came free in "
                            + ACQUIRE_TIMEOUT_SECONDS + " s", null);
                }
                returned.awaitNanos(left);
            }
        } catch (SQLException e) {
            throw failure(what, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StoreException(what + ": interrupted while waiting for a connection to " + description, e);
        } finally {
            lock.unlock();
        }
    }

    private void release(Connection c) {
        lock.lock();
        try {
            if (closed) {
                all.remove(c);
                closeQuietly(c);
            } else {
                idle.addFirst(c);
                returned.signal();
            }
        } finally {
            lock.unlock();
        }
    }

    private static void rollback(Connection c, Throwable cause) {
        try {
            c.rollback();
        } catch (SQLException e) {
            cause.addSuppressed(e);
        }
    }

    private static void closeQuietly(Connection c) {
        try {
            c.close();
        } catch (SQLException ignored) {
            // closing: nothing left to do with it
        }
    }

    /** Closes idle connections now and busy ones when they come back. */
    @Override
    public void close() {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Connection c : idle) {
                all.remove(c);
                closeQuietly(c);
            }
            idle.clear();
            returned.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
