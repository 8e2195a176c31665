package id.payung.platform;

import java.util.List;
import java.util.function.Function;

/** One page of results with the total, so a list can show "21-40 of 312". */
public record Page<T>(List<T> items, int page, int size, long totalItems) {

    public long totalPages() {
        return (totalItems + size - 1) / size;
    }

    public boolean hasNext() {
        return page + 1 < totalPages();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, totalItems);
    }
}
