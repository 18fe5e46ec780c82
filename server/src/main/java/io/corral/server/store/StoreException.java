package io.corral.server.store;

/**
 * The database failed (locked longer than the busy timeout, disk full, file damaged): not a
 * problem with the request. Its cause is the {@link java.sql.SQLException}.
 *
 * <pre>{@code
 * try {
 *     stores.tools().list(null, 100);
 * } catch (StoreException e) {
 *     // answer 503 and log e.getCause()
 * }
 * }</pre>
 */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
