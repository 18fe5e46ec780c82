package io.corral.api;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One page of a list, in ascending id order, and where the next page starts.
 *
 * <pre>{@code
 * Page<Secret> page = engine.listSecrets(PageRequest.FIRST);
 * page.items().forEach(s -> System.out.println(s.name()));
 * page.next().ifPresent(next -> ...);   // present while pages come back full
 * }</pre>
 *
 * @since 0.1
 */
public final class Page<T> {

    private final List<T> items;
    private final PageRequest next;

    private Page(List<T> items, PageRequest next) {
        this.items = List.copyOf(items);
        this.next = next;
    }

    /**
     * The page answering {@code request}: when it is full, {@link #next()} asks for the items after
     * its last one ({@code id} gives an item's id); when it is not, there is no next page.
     */
    public static <T> Page<T> of(List<T> items, PageRequest request, java.util.function.Function<T, String> id) {
        Objects.requireNonNull(request, "request");
        PageRequest next = !items.isEmpty() && items.size() >= request.limit()
                ? request.after(id.apply(items.get(items.size() - 1))) : null;
        return new Page<>(items, next);
    }

    public List<T> items() {
        return items;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /**
     * The request for the following page, while pages come back full; empty once a page held fewer
     * items than asked for (Riza's clients instead ask once more and stop on an empty page; both end
     * the same way).
     */
    public Optional<PageRequest> next() {
        return Optional.ofNullable(next);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Page<?> p && items.equals(p.items) && Objects.equals(next, p.next);
    }

    @Override
    public int hashCode() {
        return Objects.hash(items, next);
    }

    @Override
    public String toString() {
        return "Page{" + items.size() + " items" + (next == null ? "" : ", next=" + next) + "}";
    }
}
