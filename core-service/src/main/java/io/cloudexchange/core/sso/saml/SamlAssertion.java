package io.cloudexchange.core.sso.saml;

import java.time.Instant;
import java.util.List;

/**
 * What a validated SAML Response vouches for.
 *
 * @param inResponseTo the AuthnRequest ID the Response answers
 * @param assertionId remembered until {@code usableUntil} so the assertion is accepted once
 */
record SamlAssertion(String inResponseTo, String assertionId, String username, List<String> groups, Instant usableUntil) {
}
