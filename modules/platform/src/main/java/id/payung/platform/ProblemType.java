package id.payung.platform;

/**
 * A kind of bad input or refused action. Each module lists its own in an enum. The slug names the
 * problem in the RFC 9457 {@code type} URI and keys its localized title and detail
 * ({@code problem.<slug>.title}, {@code problem.<slug>.detail}).
 */
public interface ProblemType {

    String slug();

    int httpStatus();
}
