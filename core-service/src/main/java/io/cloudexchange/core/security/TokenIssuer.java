package io.cloudexchange.core.security;

import io.cloudexchange.core.users.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.stereotype.Component;

/** Signs the platform's bearer tokens (HS256, one hour). */
@Component
public class TokenIssuer {

    public static final Duration LIFETIME = Duration.ofHours(1);

    private final JwtEncoder encoder;
    private final Clock clock;

    TokenIssuer(JwtEncoder encoder, Clock clock) {
        this.encoder = encoder;
        this.clock = clock;
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }

    public IssuedToken forUser(String username, Collection<Role> roles, boolean passwordChangeRequired,
                               Instant passwordChangedAt) {
        return sign(claims(username, roles)
                .claim(TokenClaims.TOKEN_TYPE, TokenClaims.TYPE_USER)
                .claim(TokenClaims.PASSWORD_CHANGE, passwordChangeRequired)
                .claim(TokenClaims.PASSWORD_CHANGED_AT, passwordChangeStamp(passwordChangedAt)));
    }

    public static long passwordChangeStamp(Instant passwordChangedAt) {
        return passwordChangedAt == null ? 0L : passwordChangedAt.toEpochMilli();
    }

    public IssuedToken forClient(String clientId, String ownerUsername, Collection<Role> ownerRoles) {
        return sign(claims(clientId, ownerRoles)
                .claim(TokenClaims.TOKEN_TYPE, TokenClaims.TYPE_CLIENT)
                .claim(TokenClaims.OWNER, ownerUsername)
                .claim(TokenClaims.PASSWORD_CHANGE, false));
    }

    private JwtClaimsSet.Builder claims(String subject, Collection<Role> roles) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim(TokenClaims.ROLES, roles.stream().map(Role::name).sorted().toList());
    }

    private IssuedToken sign(JwtClaimsSet.Builder claims) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, LIFETIME.toSeconds());
    }
}
