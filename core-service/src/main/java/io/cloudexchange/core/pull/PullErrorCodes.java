package io.cloudexchange.core.pull;

/** Error codes of pull runs, as shown on the Logging page. */
final class PullErrorCodes {

    /** The plugin failed while pulling. */
    static final String PULL_FAILED = "CE-2001";
    /** The broker did not confirm a batch; the page will be pulled again. */
    static final String PUBLISH_FAILED = "CE-2002";
    /** A source record was malformed and skipped. */
    static final String ITEM_REJECTED = "CE-2003";

    private PullErrorCodes() {
    }
}
