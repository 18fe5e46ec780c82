package io.corral.api;

import java.util.Objects;

/**
 * Which page of a list to return: Riza's {@code limit} and {@code starting_after}. Lists are in
 * ascending id order (creation order); a page holds the items whose id is greater than
 * {@link #startingAfter()}. An exhausted or unknown cursor gives an empty page, never an error.
 *
 * <pre>{@code
 * for (Page<Tool> page = engine.listTools(PageRequest.first(50)); ; ) {
 *     page.items().forEach(this::show);
 *     Optional<PageRequest> next = page.next();
 *     if (next.isEmpty()) break;
 *     page = engine.listTools(next.get());
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class PageRequest {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 100;

    /** The first page of {@value #DEFAULT_LIMIT}. */
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, null);

    private final int limit;
    private final String startingAfter;

    private PageRequest(int limit, String startingAfter) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRejectedException.invalid("limit", limit + " is out of range", "1 to " + MAX_LIMIT);
        }
        this.limit = limit;
        this.startingAfter = startingAfter == null || startingAfter.isEmpty() ? null : startingAfter;
    }

    /** The first page of {@code limit} (1 to {@value #MAX_LIMIT}). */
    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** Riza's query parameters: a null limit means {@value #DEFAULT_LIMIT}, a null cursor the first page. */
    public static PageRequest of(Integer limit, String startingAfter) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, startingAfter);
    }

    /** The next page after {@code lastId}, with the same limit. */
    public PageRequest after(String lastId) {
        return new PageRequest(limit, lastId);
    }

    public int limit() {
        return limit;
    }

    /** The last id of the previous page, or null for the first page. */
    public String startingAfter() {
        return startingAfter;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PageRequest p && limit == p.limit && Objects.equals(startingAfter, p.startingAfter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(limit, startingAfter);
    }

    @Override
    public String toString() {
        return "PageRequest{limit=" + limit + (startingAfter == null ? "" : ", startingAfter=" + startingAfter) + "}";
    }
}
