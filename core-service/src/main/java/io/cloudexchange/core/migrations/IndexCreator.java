package io.cloudexchange.core.migrations;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;

/**
 * Creates indexes for migrations. The embedded MongoDB-wire server implements only part of MongoDB's
 * index options; there, an index it refuses is logged and skipped (it is a single-node store with small
 * data). On a real MongoDB every failure propagates.
 */
public class IndexCreator {

    private static final Logger log = LoggerFactory.getLogger(IndexCreator.class);

    private final boolean embeddedServer;

    public IndexCreator(boolean embeddedServer) {
        this.embeddedServer = embeddedServer;
    }

    public void ensure(MongoTemplate mongo, String collection, Index index) {
        try {
            mongo.indexOps(collection).createIndex(index);
        } catch (DataAccessException e) {
            if (!embeddedServer) {
                throw e;
            }
            log.warn("Embedded MongoDB-wire server refused index {} on {}; skipped: {}",
                    index.getIndexOptions().get("name"), collection, e.getMessage());
        }
    }
}
