package id.payung.platform;

/** A page of a list: zero-based page number and a size of at most {@value #MAX_SIZE}. */
public record PageRequest(int page, int size) {

    public static final int MAX_SIZE = 100;
    public static final int DEFAULT_SIZE = 20;

    public PageRequest {
        if (page < 0 || size < 1 || size > MAX_SIZE) {
            throw new DomainProblem(PlatformProblem.INVALID_PAGE, page, size, MAX_SIZE);
        }
    }

    public static PageRequest of(Integer page, Integer size) {
        return new PageRequest(page == null ? 0 : page, size == null ? DEFAULT_SIZE : size);
    }

    public int offset() {
        return page * size;
    }
}
