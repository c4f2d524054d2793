package io.cloudexchange.core.security;

import io.cloudexchange.core.users.Area;
import io.cloudexchange.core.users.Permission;
import io.cloudexchange.core.users.RolePermissions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Turns a bearer token into authorities, per request: {@code ROLE_<name>} for each role in the token,
 * and {@code <AREA>:READ} / {@code <AREA>:WRITE} for what those roles allow now (custom roles resolved
 * through {@link RolePermissions}' short cache, so a changed role applies to existing tokens).
 */
final class AreaAuthorities implements Converter<Jwt, AbstractAuthenticationToken> {

    private final RolePermissions permissions;

    AreaAuthorities(RolePermissions permissions) {
        this.permissions = permissions;
    }

    static String authority(Area area, Permission permission) {
        return area.name() + ":" + permission.name();
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt jwt) {
        List<String> roles = Actor.from(jwt).roles();
        Collection<GrantedAuthority> authorities = new ArrayList<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        permissions.of(roles).forEach((area, permission) -> {
            if (permission.includes(Permission.READ)) {
                authorities.add(new SimpleGrantedAuthority(authority(area, Permission.READ)));
            }
            if (permission.includes(Permission.WRITE)) {
                authorities.add(new SimpleGrantedAuthority(authority(area, Permission.WRITE)));
            }
        });
        return new JwtAuthenticationToken(jwt, authorities, jwt.getSubject());
    }
}
