package io.cloudexchange.core.sso.saml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.cloudexchange.core.sso.OidcSettings;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javax.xml.crypto.dsig.DigestMethod;
import javax.xml.crypto.dsig.SignatureMethod;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Every check of a SAML Response, each with the reason it gives, against Responses a test IdP signs. */
class SamlResponseValidatorTest {

    private static final String REQUEST_ID = "_request-1";
    private static TestSamlIdp idp;
    private static TestSamlIdp attacker;
    private static SamlSettings settings;

    @BeforeAll
    static void keys() {
        idp = TestSamlIdp.create();
        attacker = TestSamlIdp.create();
        settings = new SamlSettings(SamlSettings.ID, true, "https://ce.example.test", TestSamlIdp.ENTITY_ID,
                TestSamlIdp.SSO_URL, List.of(idp.pem()), null, "groups",
                List.of(new OidcSettings.GroupRoles("ce-admins", Set.of("ADMIN"))), null);
    }

    private static TestSamlIdp.Response response() {
        return new TestSamlIdp.Response(settings, REQUEST_ID);
    }

    private static SamlAssertion validate(String xml) {
        return new SamlResponseValidator(settings, Instant.now()).validate(SamlXml.parse(xml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aResponseWithASignedAssertionIsAccepted() {
        TestSamlIdp.Response response = response();
        SamlAssertion assertion = validate(idp.signedAssertion(response));
        assertThat(assertion.username()).isEqualTo("alice@example.com");
        assertThat(assertion.groups()).containsExactly("ce-admins");
        assertThat(assertion.inResponseTo()).isEqualTo(REQUEST_ID);
        assertThat(assertion.assertionId()).isEqualTo(response.assertionId);
        assertThat(assertion.usableUntil()).isAfter(response.notOnOrAfter);
    }

    @Test
    void aSignedResponseCoversItsAssertion() {
        assertThat(validate(idp.signedResponse(response())).username()).isEqualTo("alice@example.com");
    }

    @Test
    void anUnsignedResponseIsRejected() {
        assertRejected(response().xml(), "neither the Response nor the Assertion is signed");
    }

    @Test
    void aSignatureByAnotherKeyIsRejected() {
        assertRejected(attacker.signedAssertion(response()), "does not verify");
        assertRejected(attacker.signedResponse(response()), "does not verify");
    }

    @Test
    void aResponseChangedAfterSigningIsRejected() {
        String signed = idp.signedAssertion(response());
        assertRejected(signed.replace("alice@example.com", "mallory@example.com"), "does not verify");
        assertRejected(signed.replace(">ce-admins<", ">ce-super<"), "does not verify");
    }

    @Test
    void anExpiredAssertionIsRejected() {
        TestSamlIdp.Response expired = response();
        expired.notBefore = Instant.now().minusSeconds(1200);
        expired.notOnOrAfter = Instant.now().minusSeconds(600);
        assertRejected(idp.signedAssertion(expired), "expired");
    }

    @Test
    void anAssertionNotYetValidIsRejected() {
        TestSamlIdp.Response early = response();
        early.notBefore = Instant.now().plusSeconds(600);
        early.notOnOrAfter = Instant.now().plusSeconds(1200);
        assertRejected(idp.signedAssertion(early), "not valid before");
    }

    @Test
    void aSmallClockSkewIsTolerated() {
        TestSamlIdp.Response skewed = response();
        skewed.notBefore = Instant.now().plusSeconds(30);
        assertThat(validate(idp.signedAssertion(skewed)).username()).isEqualTo("alice@example.com");
    }

    @Test
    void theWrongAudienceDestinationRecipientOrIssuerIsRejected() {
        TestSamlIdp.Response audience = response();
        audience.audience = "https://other-sp.example.test/saml/metadata";
        assertRejected(idp.signedAssertion(audience), "audience is not");

        TestSamlIdp.Response destination = response();
        destination.destination = "https://other-sp.example.test/acs";
        assertRejected(idp.signedAssertion(destination), "Destination");

        TestSamlIdp.Response recipient = response();
        recipient.recipient = "https://other-sp.example.test/acs";
        assertRejected(idp.signedAssertion(recipient), "Recipient");

        TestSamlIdp.Response issuer = response();
        issuer.issuer = "https://evil-idp.example.test";
        assertRejected(idp.signedAssertion(issuer), "Issuer");
    }

    @Test
    void aFailureStatusIsRejected() {
        TestSamlIdp.Response denied = response();
        denied.status = "urn:oasis:names:tc:SAML:2.0:status:Requester";
        assertRejected(idp.signedAssertion(denied), "status");
    }

    @Test
    void anUnsolicitedResponseIsRejected() {
        Document document = TestSamlIdp.parse(idp.signedAssertion(response()));
        document.getDocumentElement().removeAttribute("InResponseTo");
        assertRejected(TestSamlIdp.serialize(document), "IdP-initiated");
    }

    @Test
    void aConfirmationForAnotherRequestIsRejected() {
        Document document = TestSamlIdp.parse(idp.signedAssertion(response()));
        document.getDocumentElement().setAttribute("InResponseTo", "_request-2");
        assertRejected(TestSamlIdp.serialize(document), "answers another request");
    }

    @Test
    void aTransientNameIdNeedsAUsernameAttribute() {
        TestSamlIdp.Response response = response();
        response.nameIdFormat = "urn:oasis:names:tc:SAML:2.0:nameid-format:transient";
        assertRejected(idp.signedAssertion(response), "transient");
    }

    @Test
    void anInjectedUnsignedAssertionNextToTheSignedOneIsRejected() {
        TestSamlIdp.Response genuine = response();
        Document document = TestSamlIdp.parse(idp.signedAssertion(genuine));
        TestSamlIdp.Response forged = response();
        forged.nameId = "mallory@example.com";
        forged.groups = List.of("ce-admins");
        Element evil = (Element) document.importNode(
                TestSamlIdp.parse(forged.xml()).getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0), true);
        Element signedAssertion = (Element) document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        document.getDocumentElement().insertBefore(evil, signedAssertion);
        assertRejected(TestSamlIdp.serialize(document), "2 assertions");
    }

    @Test
    void aSignedAssertionHiddenAwayWhileAForgedOneTakesItsPlaceIsRejected() {
        Document document = TestSamlIdp.parse(idp.signedAssertion(response()));
        Element response = document.getDocumentElement();
        Element signed = (Element) document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        String signedId = signed.getAttribute("ID");
        response.removeChild(signed);
        Element extensions = document.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
        extensions.appendChild(signed);
        response.insertBefore(extensions, response.getFirstChild().getNextSibling());
        TestSamlIdp.Response forged = response();
        forged.assertionId = signedId;
        forged.nameId = "mallory@example.com";
        response.appendChild(document.importNode(
                TestSamlIdp.parse(forged.xml()).getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0), true));
        assertRejected(TestSamlIdp.serialize(document), "2 assertions");
    }

    @Test
    void aDuplicateIdIsRejected() {
        Document document = TestSamlIdp.parse(idp.signedAssertion(response()));
        Element signed = (Element) document.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        Element extensions = document.createElementNS(SamlXml.PROTOCOL, "samlp:Extensions");
        extensions.setAttributeNS(null, "ID", signed.getAttribute("ID"));
        document.getDocumentElement().insertBefore(extensions, signed);
        assertRejected(TestSamlIdp.serialize(document), "appears more than once");
    }

    @Test
    void aSignatureInTheAssertionThatReferencesAnythingElseIsRejected() {
        Document whole = TestSamlIdp.parse(response().xml());
        Element assertion = (Element) whole.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        idp.sign(assertion, "", SignatureMethod.RSA_SHA256, DigestMethod.SHA256);
        assertRejected(TestSamlIdp.serialize(whole), "references ''");

        Document other = TestSamlIdp.parse(response().xml());
        Element otherAssertion = (Element) other.getElementsByTagNameNS(SamlXml.ASSERTION, "Assertion").item(0);
        other.getDocumentElement().setIdAttributeNS(null, "ID", true);
        idp.sign(otherAssertion, "#" + other.getDocumentElement().getAttribute("ID"), SignatureMethod.RSA_SHA256,
                DigestMethod.SHA256);
        assertRejected(TestSamlIdp.serialize(other), "not the signed element");
    }

    @Test
    void sha1SignaturesAreRejected() {
        Document document = idp.signAssertion(TestSamlIdp.parse(response().xml()),
                "http://www.w3.org/2000/09/xmldsig#rsa-sha1", DigestMethod.SHA1);
        assertRejected(TestSamlIdp.serialize(document), "xmldsig#rsa-sha1");
        Document sha1Digest = idp.signAssertion(TestSamlIdp.parse(response().xml()), SignatureMethod.RSA_SHA256, DigestMethod.SHA1);
        assertRejected(TestSamlIdp.serialize(sha1Digest), "xmldsig#sha1");
    }

    @Test
    void anEncryptedAssertionIsRejectedWithAClearReason() {
        String encrypted = response().xml().replaceAll("<saml:Assertion .*</saml:Assertion>",
                "<saml:EncryptedAssertion><xenc:EncryptedData xmlns:xenc=\"http://www.w3.org/2001/04/xmlenc#\"/></saml:EncryptedAssertion>");
        assertRejected(encrypted, "encrypted assertions are not supported");
    }

    @Test
    void anXxePayloadIsRejectedWithoutReadingAnything() throws Exception {
        Path secret = Files.createTempFile("saml-secret", ".txt");
        Files.writeString(secret, "top-secret-content");
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        AtomicInteger fetched = new AtomicInteger();
        server.createContext("/", exchange -> {
            fetched.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        server.start();
        try {
            String dtd = "http://127.0.0.1:" + server.getAddress().getPort() + "/evil.dtd";
            String xml = "<?xml version=\"1.0\"?><!DOCTYPE samlp:Response [<!ENTITY file SYSTEM \"" + secret.toUri()
                    + "\"><!ENTITY % remote SYSTEM \"" + dtd + "\">%remote;]>"
                    + idp.signedAssertion(response()).replaceFirst("<\\?xml[^>]*\\?>", "")
                            .replace("alice@example.com", "&file;");
            assertRejected(xml, "cannot be read safely");
            assertThat(fetched).hasValue(0);
        } finally {
            server.stop(0);
            Files.delete(secret);
        }
    }

    @Test
    void metadataYieldsEntityIdRedirectLocationAndSigningCertificate() throws Exception {
        IdpMetadata metadata = IdpMetadata.parse(idp.metadata());
        assertThat(metadata.entityId()).isEqualTo(TestSamlIdp.ENTITY_ID);
        assertThat(metadata.ssoUrl()).isEqualTo(TestSamlIdp.SSO_URL);
        assertThat(metadata.certificates()).containsExactly(idp.certificate);
        assertThatThrownBy(() -> IdpMetadata.parse(idp.metadata().replace("use=\"signing\"", "use=\"encryption\"")))
                .hasMessageContaining("no signing certificate");
    }

    private static void assertRejected(String xml, String reason) {
        assertThatThrownBy(() -> validate(xml)).isInstanceOf(SamlRejected.class).hasMessageContaining(reason);
    }
}
