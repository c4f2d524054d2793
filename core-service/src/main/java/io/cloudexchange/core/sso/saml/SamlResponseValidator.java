package io.cloudexchange.core.sso.saml;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Validates a SAML 2.0 Response (Web Browser SSO profile, HTTP-POST binding) against the settings: structure
 * (exactly one Assertion, a direct child of the Response; no encrypted assertion; no duplicate IDs; signatures
 * only on the Response or that Assertion), signature (Response or Assertion, by a configured certificate),
 * Destination, Issuer, Status, bearer SubjectConfirmation (Recipient, NotOnOrAfter, InResponseTo), Conditions
 * (time window with {@link #CLOCK_SKEW}, Audience) and AuthnStatement. The outstanding-request and replay
 * checks need state and are done by {@link SamlSignIn}.
 */
final class SamlResponseValidator {

    static final Duration CLOCK_SKEW = Duration.ofMinutes(2);
    static final String SUCCESS = "urn:oasis:names:tc:SAML:2.0:status:Success";
    static final String BEARER = "urn:oasis:names:tc:SAML:2.0:cm:bearer";
    static final String TRANSIENT = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";

    private final SamlSettings settings;
    private final List<X509Certificate> certificates;
    private final Instant now;

    SamlResponseValidator(SamlSettings settings, Instant now) {
        this.settings = settings;
        this.certificates = settings.certificates().stream().map(pem -> IdpCertificates.parsePem(pem).get(0)).toList();
        this.now = now;
    }

    SamlAssertion validate(Document document) {
        Element response = document.getDocumentElement();
        if (!SamlXml.PROTOCOL.equals(response.getNamespaceURI()) || !"Response".equals(response.getLocalName())) {
            throw new SamlRejected("the message is not a SAML Response");
        }
        requireVersion(response);
        if (!SamlXml.descendants(document, SamlXml.ASSERTION, "EncryptedAssertion").isEmpty()) {
            throw new SamlRejected("encrypted assertions are not supported: configure the IdP to sign, not encrypt");
        }
        Element assertion = onlyAssertion(document, response);
        requireUniqueIds(document);
        requireSignaturesOnlyOn(document, response, assertion);
        boolean responseSigned = SamlSignatureVerifier.verify(response, required(response, "ID"), certificates);
        boolean assertionSigned = SamlSignatureVerifier.verify(assertion, required(assertion, "ID"), certificates);
        if (!responseSigned && !assertionSigned) {
            throw new SamlRejected("neither the Response nor the Assertion is signed");
        }
        checkResponse(response, responseSigned);
        String inResponseTo = SamlXml.attribute(response, "InResponseTo");
        if (inResponseTo == null || inResponseTo.isBlank()) {
            throw new SamlRejected("the Response answers no AuthnRequest (IdP-initiated sign-in is not accepted)");
        }
        return checkAssertion(assertion, inResponseTo);
    }

    private static Element onlyAssertion(Document document, Element response) {
        List<Element> assertions = SamlXml.descendants(document, SamlXml.ASSERTION, "Assertion");
        if (assertions.size() != 1) {
            throw new SamlRejected("the Response holds " + assertions.size() + " assertions; exactly one is accepted");
        }
        Element assertion = assertions.get(0);
        if (assertion.getParentNode() != response) {
            throw new SamlRejected("the Assertion is not a direct child of the Response");
        }
        return assertion;
    }

    /** An ID used twice would let a signature reference resolve to an element other than the one read. */
    private static void requireUniqueIds(Document document) {
        Set<String> seen = new HashSet<>();
        for (Element element : SamlXml.descendants(document, "*", "*")) {
            NamedNodeMap attributes = element.getAttributes();
            for (int i = 0; i < attributes.getLength(); i++) {
                Attr attribute = (Attr) attributes.item(i);
                String name = attribute.getLocalName() == null ? attribute.getName() : attribute.getLocalName();
                if (("ID".equals(name) || "Id".equals(name) || "id".equals(name)) && !seen.add(attribute.getValue())) {
                    throw new SamlRejected("the ID '" + attribute.getValue() + "' appears more than once");
                }
            }
        }
    }

    private static void requireSignaturesOnlyOn(Document document, Element response, Element assertion) {
        for (Element signature : SamlXml.descendants(document, SamlXml.DSIG, "Signature")) {
            if (signature.getParentNode() != response && signature.getParentNode() != assertion) {
                throw new SamlRejected("a signature sits outside the Response and Assertion");
            }
        }
    }

    private void checkResponse(Element response, boolean signed) {
        String destination = SamlXml.attribute(response, "Destination");
        if (destination == null ? signed : !destination.equals(settings.acsUrl())) {
            throw new SamlRejected("the Response's Destination '" + destination + "' is not " + settings.acsUrl());
        }
        Element issuer = SamlXml.onlyChild(response, SamlXml.ASSERTION, "Issuer");
        if (issuer != null) {
            requireIssuer(issuer);
        }
        Element status = SamlXml.onlyChild(response, SamlXml.PROTOCOL, "Status");
        Element code = status == null ? null : SamlXml.onlyChild(status, SamlXml.PROTOCOL, "StatusCode");
        String value = code == null ? null : SamlXml.attribute(code, "Value");
        if (!SUCCESS.equals(value)) {
            throw new SamlRejected("the IdP answered with status " + value);
        }
    }

    private SamlAssertion checkAssertion(Element assertion, String inResponseTo) {
        requireVersion(assertion);
        Element issuer = SamlXml.onlyChild(assertion, SamlXml.ASSERTION, "Issuer");
        if (issuer == null) {
            throw new SamlRejected("the Assertion has no Issuer");
        }
        requireIssuer(issuer);
        Element subject = SamlXml.onlyChild(assertion, SamlXml.ASSERTION, "Subject");
        if (subject == null) {
            throw new SamlRejected("the Assertion has no Subject");
        }
        if (!SamlXml.children(subject, SamlXml.ASSERTION, "EncryptedID").isEmpty()) {
            throw new SamlRejected("encrypted NameIDs are not supported");
        }
        Instant confirmedUntil = bearerConfirmation(subject, inResponseTo);
        Instant conditionsUntil = checkConditions(assertion);
        checkAuthnStatement(assertion);
        Instant usableUntil = conditionsUntil == null || conditionsUntil.isAfter(confirmedUntil) ? confirmedUntil : conditionsUntil;
        List<Element> attributes = SamlXml.descendants(assertion, SamlXml.ASSERTION, "Attribute");
        String username = username(subject, attributes);
        return new SamlAssertion(inResponseTo, required(assertion, "ID"), username,
                values(attributes, settings.groupsAttribute()), usableUntil.plus(CLOCK_SKEW));
    }

    /** The NotOnOrAfter of a bearer confirmation that matches Recipient, InResponseTo and time. */
    private Instant bearerConfirmation(Element subject, String inResponseTo) {
        String last = "the Subject has no bearer SubjectConfirmation";
        for (Element confirmation : SamlXml.children(subject, SamlXml.ASSERTION, "SubjectConfirmation")) {
            if (!BEARER.equals(SamlXml.attribute(confirmation, "Method"))) {
                continue;
            }
            Element data = SamlXml.onlyChild(confirmation, SamlXml.ASSERTION, "SubjectConfirmationData");
            if (data == null) {
                last = "the bearer SubjectConfirmation has no SubjectConfirmationData";
                continue;
            }
            Instant notOnOrAfter = time(data, "NotOnOrAfter");
            Instant notBefore = time(data, "NotBefore");
            if (!settings.acsUrl().equals(SamlXml.attribute(data, "Recipient"))) {
                last = "the SubjectConfirmationData Recipient '" + SamlXml.attribute(data, "Recipient") + "' is not "
                        + settings.acsUrl();
            } else if (notOnOrAfter == null) {
                last = "the SubjectConfirmationData has no NotOnOrAfter";
            } else if (!now.isBefore(notOnOrAfter.plus(CLOCK_SKEW))) {
                last = "the SubjectConfirmationData expired at " + notOnOrAfter;
            } else if (notBefore != null && now.isBefore(notBefore.minus(CLOCK_SKEW))) {
                last = "the SubjectConfirmationData is not valid before " + notBefore;
            } else if (!inResponseTo.equals(SamlXml.attribute(data, "InResponseTo"))) {
                last = "the SubjectConfirmationData answers another request";
            } else {
                return notOnOrAfter;
            }
        }
        throw new SamlRejected(last);
    }

    private Instant checkConditions(Element assertion) {
        Element conditions = SamlXml.onlyChild(assertion, SamlXml.ASSERTION, "Conditions");
        if (conditions == null) {
            throw new SamlRejected("the Assertion has no Conditions (an Audience is required)");
        }
        Instant notBefore = time(conditions, "NotBefore");
        Instant notOnOrAfter = time(conditions, "NotOnOrAfter");
        if (notBefore != null && now.isBefore(notBefore.minus(CLOCK_SKEW))) {
            throw new SamlRejected("the Assertion is not valid before " + notBefore);
        }
        if (notOnOrAfter != null && !now.isBefore(notOnOrAfter.plus(CLOCK_SKEW))) {
            throw new SamlRejected("the Assertion expired at " + notOnOrAfter);
        }
        List<Element> restrictions = SamlXml.children(conditions, SamlXml.ASSERTION, "AudienceRestriction");
        if (restrictions.isEmpty()) {
            throw new SamlRejected("the Assertion has no AudienceRestriction");
        }
        for (Element restriction : restrictions) {
            boolean ours = SamlXml.children(restriction, SamlXml.ASSERTION, "Audience").stream()
                    .anyMatch(audience -> settings.spEntityId().equals(SamlXml.text(audience)));
            if (!ours) {
                throw new SamlRejected("the Assertion's audience is not " + settings.spEntityId());
            }
        }
        return notOnOrAfter;
    }

    private void checkAuthnStatement(Element assertion) {
        List<Element> statements = SamlXml.children(assertion, SamlXml.ASSERTION, "AuthnStatement");
        if (statements.isEmpty()) {
            throw new SamlRejected("the Assertion has no AuthnStatement");
        }
        for (Element statement : statements) {
            Instant sessionEnd = time(statement, "SessionNotOnOrAfter");
            if (sessionEnd != null && !now.isBefore(sessionEnd)) {
                throw new SamlRejected("the IdP session ended at " + sessionEnd);
            }
        }
    }

    private String username(Element subject, List<Element> attributes) {
        if (settings.usernameAttribute() != null) {
            List<String> values = values(attributes, settings.usernameAttribute());
            if (values.isEmpty() || values.get(0).isBlank()) {
                throw new SamlRejected("the Assertion has no attribute '" + settings.usernameAttribute() + "'");
            }
            return values.get(0);
        }
        Element nameId = SamlXml.onlyChild(subject, SamlXml.ASSERTION, "NameID");
        String name = SamlXml.text(nameId);
        if (name == null || name.isEmpty()) {
            throw new SamlRejected("the Subject has no NameID");
        }
        if (TRANSIENT.equals(SamlXml.attribute(nameId, "Format"))) {
            throw new SamlRejected("the NameID is transient; set a username attribute");
        }
        return name;
    }

    private static List<String> values(List<Element> attributes, String name) {
        List<String> values = new ArrayList<>();
        for (Element attribute : attributes) {
            if (name.equals(SamlXml.attribute(attribute, "Name"))) {
                SamlXml.children(attribute, SamlXml.ASSERTION, "AttributeValue").forEach(value -> values.add(SamlXml.text(value)));
            }
        }
        return values;
    }

    private void requireIssuer(Element issuer) {
        String format = SamlXml.attribute(issuer, "Format");
        if (format != null && !"urn:oasis:names:tc:SAML:2.0:nameid-format:entity".equals(format)) {
            throw new SamlRejected("the Issuer format " + format + " is not an entity");
        }
        if (!settings.idpEntityId().equals(SamlXml.text(issuer))) {
            throw new SamlRejected("the Issuer '" + SamlXml.text(issuer) + "' is not " + settings.idpEntityId());
        }
    }

    private static void requireVersion(Element element) {
        if (!"2.0".equals(SamlXml.attribute(element, "Version"))) {
            throw new SamlRejected("the " + element.getLocalName() + " is not SAML 2.0");
        }
    }

    private static String required(Element element, String attribute) {
        String value = SamlXml.attribute(element, attribute);
        if (value == null || value.isBlank()) {
            throw new SamlRejected("the " + element.getLocalName() + " has no " + attribute);
        }
        return value;
    }

    private static Instant time(Element element, String attribute) {
        String value = SamlXml.attribute(element, attribute);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new SamlRejected(element.getLocalName() + " " + attribute + " '" + value + "' is not a dateTime");
        }
    }
}
