package io.threadline.gateway.email;

import io.threadline.gateway.email.mime.MalformedEmailException;
import io.threadline.gateway.email.mime.MimeParser;
import io.threadline.gateway.email.mime.ParsedEmail;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MimeParserTest {

    private final MimeParser parser = new MimeParser();

    @Test
    void threadingHeadersSenderAndEncodedWordsAreRead() throws Exception {
        ParsedEmail email = parse("""
                From: =?UTF-8?Q?Ren=C3=A9e_M=C3=BCller?= <renee@example.com>
                To: Acme Support <support@acme.test>, bob@example.com
                Subject: =?ISO-8859-1?Q?Bestellung_f=FCr_M=FCnchen?=
                Message-ID: <m2@example.com>
                In-Reply-To: <m1@threadline.local>
                References: <m0@example.com>
                 <m1@threadline.local>
                Content-Type: text/plain; charset=UTF-8

                Bitte um Rückruf.
                """);

        assertThat(email.messageId()).isEqualTo("<m2@example.com>");
        assertThat(email.inReplyTo()).isEqualTo("<m1@threadline.local>");
        assertThat(email.references()).containsExactly("<m0@example.com>", "<m1@threadline.local>");
        assertThat(email.from().address()).isEqualTo("renee@example.com");
        assertThat(email.from().displayName()).isEqualTo("Renée Müller");
        assertThat(email.recipients()).extracting("address").containsExactly("support@acme.test", "bob@example.com");
        assertThat(email.subject()).isEqualTo("Bestellung für München");
        assertThat(email.text()).isEqualTo("Bitte um Rückruf.");
        assertThat(email.autoSubmitted()).isNull();
        assertThat(email.bounce()).isFalse();
    }

    @Test
    void latin1QuotedPrintableAndBase64BodiesAreDecoded() throws Exception {
        String base64 = Base64.getEncoder().encodeToString("Ça marche très bien".getBytes(StandardCharsets.ISO_8859_1));
        ParsedEmail email = parse("""
                From: a@example.com
                Message-ID: <cs@example.com>
                Content-Type: multipart/mixed; boundary="b1"

                --b1
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: quoted-printable

                Gr=FC=DFe aus K=F6ln
                --b1
                Content-Type: text/plain; charset=ISO-8859-1
                Content-Transfer-Encoding: base64

                %s
                --b1--
                """.formatted(base64));

        assertThat(email.text()).isEqualTo("Grüße aus Köln\n\nÇa marche très bien");
    }

    @Test
    void anUnknownCharsetFallsBackToUtf8AndIsNoted() throws Exception {
        ParsedEmail email = parse("""
                From: a@example.com
                Message-ID: <unknown-cs@example.com>
                Content-Type: text/plain; charset=x-klingon-9

                Hello there
                """);

        assertThat(email.text()).isEqualTo("Hello there");
        assertThat(email.metadata()).containsEntry("unknownCharset", "x-klingon-9");
    }

    @Test
    void htmlOnlyMailBecomesSafeTextAndSafeHtml() throws Exception {
        ParsedEmail email = parse("""
                From: a@example.com
                Message-ID: <html@example.com>
                Content-Type: text/html; charset=UTF-8

                <html><head><style>p{color:red}</style><script>alert(1)</script></head>
                <body><p>Hello <b>team</b>,</p><p>the <a href="https://shop.example/o/1" onclick="x()">order</a>:</p>
                <ul><li>mug</li><li>plate</li></ul><img src="https://tracker.example/p.gif"></body></html>
                """);

        assertThat(email.text()).isEqualTo("Hello team,\nthe order:\n- mug\n- plate");
        assertThat(email.html()).contains("<b>team</b>", "href=\"https://shop.example/o/1\"")
                .doesNotContain("script", "onclick", "<img", "style");
    }

    @Test
    void alternativePrefersPlainTextAndAttachmentsAreDescribed() throws Exception {
        ParsedEmail email = parse("""
                From: a@example.com
                Message-ID: <att@example.com>
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=UTF-8

                See the photo.
                --inner
                Content-Type: text/html; charset=UTF-8

                <p>See the <i>photo</i>.</p>
                --inner--
                --outer
                Content-Type: image/png; name="broken mug.png"
                Content-Disposition: attachment; filename="=?UTF-8?Q?broken_mug.png?="
                Content-Transfer-Encoding: base64

                aGVsbG8=
                --outer--
                """);

        assertThat(email.text()).isEqualTo("See the photo.");
        assertThat(email.html()).contains("<i>photo</i>");
        assertThat(email.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("broken mug.png");
            assertThat(a.contentType()).isEqualTo("image/png");
            assertThat(a.size()).isEqualTo(5);
            assertThat(a.sha256()).isEqualTo("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824");
        });
    }

    @Test
    void quotedReplyAndSignatureAreTrimmed() throws Exception {
        ParsedEmail email = parse("""
                From: a@example.com
                Message-ID: <reply@example.com>
                Content-Type: text/plain; charset=UTF-8

                Yes, the new address is fine.

                --\s
                Alice Martin
                Head of Purchasing

                On Tue, 3 Mar 2026 at 10:12, Acme Support <support@acme.test> wrote:
                > Can we ship to your office instead?
                """);

        assertThat(email.text()).isEqualTo("Yes, the new address is fine.");
    }

    @Test
    void autoRepliesAreRecognised() throws Exception {
        assertThat(parse(headerMail("Auto-Submitted: auto-replied")).autoSubmitted()).isEqualTo("Auto-Submitted: auto-replied");
        assertThat(parse(headerMail("Precedence: bulk")).autoSubmitted()).isEqualTo("Precedence: bulk");
        assertThat(parse(headerMail("X-Autoreply: yes")).autoSubmitted()).isEqualTo("X-Autoreply");
        assertThat(parse(headerMail("Auto-Submitted: no")).autoSubmitted()).isNull();
    }

    @Test
    void aDeliveryStatusReportIsABounceNamingTheOriginal() throws Exception {
        ParsedEmail email = parse("""
                From: Mail Delivery Subsystem <mailer-daemon@mx.example.com>
                Message-ID: <dsn-1@mx.example.com>
                Content-Type: multipart/report; report-type=delivery-status; boundary="r"

                --r
                Content-Type: text/plain

                Delivery to alice@example.com failed.
                --r
                Content-Type: message/delivery-status

                Reporting-MTA: dns; mx.example.com

                Final-Recipient: rfc822; alice@example.com
                Action: failed
                Status: 5.1.1
                Diagnostic-Code: smtp; 550 5.1.1 user unknown
                --r
                Content-Type: text/rfc822-headers

                Message-ID: <o-123@threadline.local>
                Subject: Re: Order [#TL-1001]
                --r--
                """);

        assertThat(email.bounce()).isTrue();
        assertThat(email.autoSubmitted()).isEqualTo("bounce");
        assertThat(email.originalIds()).contains("<o-123@threadline.local>");
        assertThat(email.diagnostic()).contains("Status: 5.1.1", "550 5.1.1 user unknown");
    }

    @Test
    void aMessageWithoutMessageIdGetsADigestId() throws Exception {
        ParsedEmail email = parse("From: a@example.com\nSubject: hi\n\nbody\n");

        assertThat(email.messageId()).startsWith("sha256:").hasSize(71);
    }

    @Test
    void malformedInputIsRejected() {
        assertThatThrownBy(() -> parse("this is not an email at all"))
                .isInstanceOf(MalformedEmailException.class).hasMessageContaining("no From");
        assertThatThrownBy(() -> parse("From: a@example.com\nContent-Type: multipart/mixed; boundary=\"zz\"\n\nno parts here\n"))
                .isInstanceOf(MalformedEmailException.class);
    }

    private static String headerMail(String header) {
        return "From: ooo@example.com\nMessage-ID: <h-" + header.hashCode() + "@example.com>\n" + header
                + "\nContent-Type: text/plain\n\nI am out of the office.\n";
    }

    private ParsedEmail parse(String mail) throws MalformedEmailException {
        return parser.parse(mail.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
    }
}
