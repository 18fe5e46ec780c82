package io.corral.api;

import java.util.List;

/**
 * One page of a list, in ascending id order. There is no "has more" flag (as in Riza): ask for the
 * next page {@link PageRequest#after after} the last id until a page comes back empty.
 *
 * <pre>{@code
 * Page<Secret> page = engine.listSecrets(PageRequest.FIRST);
 * page.items().forEach(s -> System.out.println(s.name()));
 * }</pre>
 */
public record Page<T>(List<T> items) {

    public Page {
        items = List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** The id of the last item, to pass to {@link PageRequest#after}; null when empty. */
    public String lastId(java.util.function.Function<T, String> id) {
        return items.isEmpty() ? null : id.apply(items.get(items.size() - 1));
    }
}
