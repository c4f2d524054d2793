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
@RequestMapping("/api/users")
@Tag(name = "Users", description = "User management (super admin only)")
class UserController {

    private final UserManagement management;

    UserController(UserManagement management) {
        this.management = management;
    }

    @GetMapping
    @Operation(summary = "List users")
    List<UserResponse> list() {
        return management.list();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One user")
    UserResponse get(@PathVariable String id) {
        return management.get(id);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a user", description = "Answers a temporary password, shown this once; the user must change it at the first sign-in.")
    TemporaryPasswordResponse create(@Valid @RequestBody UserRequest request) {
        return management.create(request);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Change a user's roles or active state", description = "The user's tokens stop working.")
    UserResponse update(@PathVariable String id, @Valid @RequestBody UserUpdateRequest request) {
        return management.update(id, request);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a user and the user's API clients")
    void delete(@PathVariable String id) {
        management.delete(id);
    }

    @PostMapping("/{id}/reset-password")
    @Operation(summary = "Reset a user's password", description = "Answers a temporary password, shown this once; the user's tokens stop working.")
    TemporaryPasswordResponse resetPassword(@PathVariable String id) {
        return management.resetPassword(id);
    }
}
