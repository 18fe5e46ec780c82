package io.corral.api;

/**
 * Which page of a list to return: Riza's {@code limit} and {@code starting_after}. Lists are in
 * ascending id order (creation order); a page holds the items whose id is greater than
 * {@code startingAfter}. An exhausted cursor gives an empty page, never an error.
 *
 * <pre>{@code
 * PageRequest page = PageRequest.first(2);
 * List<Tool> tools;
 * while (!(tools = engine.listTools(page).items()).isEmpty()) {
 *     page = page.after(tools.get(tools.size() - 1).id());
 * }
 * }</pre>
 *
 * @param limit         1 to {@value #MAX_LIMIT}
 * @param startingAfter the last id of the previous page, or null for the first page
 */
public record PageRequest(int limit, String startingAfter) {

    public static final int MAX_LIMIT = 100;
    public static final int DEFAULT_LIMIT = 100;

    /** The first page of {@value #DEFAULT_LIMIT}. */
    public static final PageRequest FIRST = new PageRequest(DEFAULT_LIMIT, null);

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw RequestRejectedException.invalid("limit", limit + " is out of range", "1 to " + MAX_LIMIT);
        }
        if (startingAfter != null && startingAfter.isEmpty()) {
            startingAfter = null;
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, null);
    }

    /** Riza's query parameters: a null limit means {@value #DEFAULT_LIMIT}. */
    public static PageRequest of(Integer limit, String startingAfter) {
        return new PageRequest(limit == null ? DEFAULT_LIMIT : limit, startingAfter);
    }

    /** The next page after {@code lastId}, with the same limit. */
    public PageRequest after(String lastId) {
        return new PageRequest(limit, lastId);
    }
}
