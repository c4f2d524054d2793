package io.cloudexchange.core.sso.saml;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.stereotype.Component;

/**
 * The state that makes a SAML Response acceptable once: outstanding AuthnRequests (an answer must match one,
 * with the RelayState the browser's flow began with, within {@link #REQUEST_LIFETIME}; consuming it deletes it)
 * and assertion IDs already used (kept until the assertion expires). In MongoDB so every core node agrees;
 * TTL indexes ({@link V45SamlIndexes}) remove old entries.
 */
@Component
class SamlRequestStore {

    static final Duration REQUEST_LIFETIME = Duration.ofMinutes(10);

    private final MongoTemplate mongo;
    private final Clock clock;

    SamlRequestStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Document(OutstandingRequest.COLLECTION)
    record OutstandingRequest(@Id String id, String relayState, Instant expiresAt) {
        static final String COLLECTION = "saml_requests";
    }

    @Document(UsedAssertion.COLLECTION)
    record UsedAssertion(@Id String id, Instant expiresAt) {
        static final String COLLECTION = "saml_used_assertions";
    }

    void remember(String requestId, String relayState) {
        mongo.insert(new OutstandingRequest(requestId, relayState, clock.instant().plus(REQUEST_LIFETIME)));
    }

    /** Removes and accepts the outstanding request; refuses an unknown, expired or already answered one. */
    void consume(String requestId, String relayState) {
        OutstandingRequest request = mongo.findAndRemove(query(where("_id").is(requestId).and("relayState").is(relayState)),
                OutstandingRequest.class);
        if (request == null) {
            throw new SamlRejected("InResponseTo '" + requestId + "' matches no outstanding request of this browser");
        }
        if (!clock.instant().isBefore(request.expiresAt())) {
            throw new SamlRejected("the request '" + requestId + "' expired at " + request.expiresAt());
        }
    }

    /** Records the assertion as used; refuses one seen before. */
    void useOnce(String issuer, String assertionId, Instant until) {
        try {
            mongo.insert(new UsedAssertion(issuer + " " + assertionId, until));
        } catch (DuplicateKeyException e) {
            throw new SamlRejected("the assertion '" + assertionId + "' was already used (replay)");
        }
    }
}
