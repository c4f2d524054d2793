package io.cloudexchange.bench.cte;

import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.data.mongodb.core.MongoTemplate;

/** On a real MongoDB: the winning plan of the IoC table's query, the indexes it used and what it examined. */
final class QueryPlan {

    private QueryPlan() {
    }

    static String describe(MongoTemplate mongo, Document filter, Document sort, int limit) {
        Document explain = mongo.getDb().runCommand(new Document("explain", new Document("find", "indicators")
                .append("filter", filter).append("sort", sort).append("limit", limit))
                .append("verbosity", "executionStats"));
        Document planner = explain.get("queryPlanner", Document.class);
        Document stats = explain.get("executionStats", Document.class);
        List<String> stages = new ArrayList<>();
        collect(planner.get("winningPlan", Document.class), stages);
        return String.join(" <- ", stages) + "; keys examined " + stats.get("totalKeysExamined") + ", documents examined "
                + stats.get("totalDocsExamined") + ", returned " + stats.get("nReturned") + ", "
                + stats.get("executionTimeMillis") + " ms";
    }

    private static void collect(Document stage, List<String> stages) {
        if (stage == null) {
            return;
        }
        Document plan = stage.get("queryPlan", Document.class);
        if (plan != null) {
            collect(plan, stages);
            return;
        }
        String name = stage.getString("stage");
        Object index = stage.get("indexName");
        stages.add(index == null ? name : name + "(" + index + ")");
        collect(stage.get("inputStage", Document.class), stages);
        Object inputs = stage.get("inputStages");
        if (inputs instanceof List<?> list) {
            for (Object input : list) {
                if (input instanceof Document document) {
                    collect(document, stages);
                }
            }
        }
    }
}
