package io.cloudexchange.core.cte.lists;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Tokens for the served lists (EDL, TAXII): CTE write permission to create or revoke, read to list. */
@RestController
@RequestMapping("/api/cte/list-tokens")
class ListTokenController {

    private final ListTokens tokens;

    ListTokenController(ListTokens tokens) {
        this.tokens = tokens;
    }

    record TokenView(String id, String name, Instant createdAt, Instant lastUsedAt) {
        static TokenView of(ListToken token) {
            return new TokenView(token.id(), token.name(), token.createdAt(), token.lastUsedAt());
        }
    }

    /** The token is in this answer only; it cannot be read again. */
    record CreatedView(String id, String name, Instant createdAt, String token) {
    }

    @GetMapping
    List<TokenView> list() {
        return tokens.list().stream().map(TokenView::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    CreatedView create(@RequestBody Map<String, String> body) {
        ListTokens.Created created = tokens.create(body == null ? null : body.get("name"));
        return new CreatedView(created.token().id(), created.token().name(), created.token().createdAt(),
                created.secret());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void revoke(@PathVariable String id) {
        tokens.revoke(id);
    }
}
