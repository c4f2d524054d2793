package io.cloudexchange.core.security;

import io.cloudexchange.core.users.User;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
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

    public IssuedToken forUser(User user) {
        return sign(claims(user.username(), user)
                .claim(TokenClaims.TOKEN_TYPE, TokenClaims.TYPE_USER)
                .claim(TokenClaims.PASSWORD_CHANGE, user.mustChangePassword())
                .claim(TokenClaims.PASSWORD_CHANGED_AT, stamp(user.passwordChangedAt())));
    }

    public IssuedToken forClient(String clientId, User owner) {
        return sign(claims(clientId, owner)
                .id(UUID.randomUUID().toString())
                .claim(TokenClaims.TOKEN_TYPE, TokenClaims.TYPE_CLIENT)
                .claim(TokenClaims.OWNER, owner.username())
                .claim(TokenClaims.PASSWORD_CHANGE, false));
    }

    /** How tokens carry an instant of the user's record: epoch millis, 0 when absent. */
    public static long stamp(Instant instant) {
        return instant == null ? 0L : instant.toEpochMilli();
    }

    private JwtClaimsSet.Builder claims(String subject, User user) {
        Instant now = clock.instant();
        return JwtClaimsSet.builder()
                .issuer(TokenClaims.ISSUER)
                .subject(subject)
                .issuedAt(now)
                .expiresAt(now.plus(LIFETIME))
                .claim(TokenClaims.ROLES, user.roles().stream().sorted().toList())
                .claim(TokenClaims.ACCESS_CHANGED_AT, stamp(user.accessChangedAt()));
    }

    private IssuedToken sign(JwtClaimsSet.Builder claims) {
        JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
        String value = encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
        return new IssuedToken(value, LIFETIME.toSeconds());
    }
}
