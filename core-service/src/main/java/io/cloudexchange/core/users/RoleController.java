package io.cloudexchange.core.users;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/roles")
@Tag(name = "Roles", description = "Built-in and custom roles (super admin only)")
class RoleController {

    private final RoleManagement management;

    RoleController(RoleManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List built-in and custom roles")
    List<RoleResponse> list() {
        return management.list();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One role")
    RoleResponse get(@PathVariable String name) {
        return management.get(name);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a custom role", description = "Areas left out of permissions get NONE.")
    RoleResponse create(@Valid @RequestBody RoleRequest request) {
        return management.create(request);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Change a custom role's description and permissions")
    RoleResponse update(@PathVariable String name, @Valid @RequestBody RoleRequest request) {
        return management.update(name, request);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a custom role no user holds")
    void delete(@PathVariable String name) {
        management.delete(name);
    }
}
