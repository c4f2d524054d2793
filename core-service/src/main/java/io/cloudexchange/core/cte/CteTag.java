package io.cloudexchange.core.cte;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An entry of the global tag dictionary: a tag name and the colour the UI shows it in. */
@Document(CteTag.COLLECTION)
record CteTag(@Id String name, String color) {

    static final String COLLECTION = "cte_tags";
}
