package io.threadline.gateway.email.mime;

import io.threadline.contracts.inbound.AttachmentMetadata;
import io.threadline.contracts.inbound.Participant;
import jakarta.mail.Address;
import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a raw RFC 5322 message with Jakarta Mail: threading headers, sender and recipients (RFC 2047 names
 * decoded), the text (text/plain preferred, else the HTML as text; quoted reply and signature trimmed), the HTML
 * made safe, attachments described by name, type, size and SHA-256, and whether the mail is automatic or a
 * bounce. Lenient where mail in the wild is sloppy (unknown charsets are decoded as UTF-8 with replacement
 * characters and noted), strict only where nothing usable is left.
 */
public final class MimeParser {

    /** The contract carries at most this many attachments; more are counted in the metadata. */
    public static final int MAX_ATTACHMENTS = 50;
    private static final Pattern MESSAGE_ID = Pattern.compile("<[^<>\\s]+>");
    private static final Session SESSION = Session.getInstance(lenient());

    public ParsedEmail parse(byte[] raw) throws MalformedEmailException {
        try {
            MimeMessage message = new MimeMessage(SESSION, new ByteArrayInputStream(raw));
            Participant from = sender(message);
            Body body = new Body();
            walk(message, body);
            String automatic = AutomaticMail.reason(message, from.address());
            boolean bounce = AutomaticMail.isBounce(message, from.address());
            String text = body.text.isEmpty() ? (body.html.isEmpty() ? "" : HtmlText.toText(body.html.toString()))
                    : body.text.toString();
            Map<String, String> metadata = body.metadata;
            if (automatic != null) {
                metadata.put("autoSubmitted", automatic);
            }
            String replyTo = header(message, "Reply-To");
            if (replyTo != null) {
                metadata.put("replyTo", replyTo);
            }
            List<String> references = ids(header(message, "References"));
            List<String> originalIds = new ArrayList<>(body.originalIds);
            if (bounce) {
                originalIds.addAll(references);
                originalIds.addAll(ids(header(message, "In-Reply-To")));
            }
            return new ParsedEmail(
                    messageId(message, raw),
                    ids(header(message, "In-Reply-To")).stream().findFirst().orElse(null),
                    references,
                    from,
                    recipients(message),
                    subject(message),
                    bounce ? text.strip() : ReplyTrimmer.trim(text),
                    body.html.isEmpty() ? null : HtmlText.sanitize(body.html.toString()),
                    body.attachments,
                    automatic,
                    bounce,
                    originalIds,
                    body.diagnostic,
                    metadata);
        } catch (MessagingException | IOException e) {
            throw new MalformedEmailException("unreadable MIME: " + e.getMessage(), e);
        }
    }

    /** What the walk over the parts collects. */
    private static final class Body {
        private final StringBuilder text = new StringBuilder();
        private final StringBuilder html = new StringBuilder();
        private final List<AttachmentMetadata> attachments = new ArrayList<>();
        private final List<String> originalIds = new ArrayList<>();
        private final Map<String, String> metadata = new LinkedHashMap<>();
        private String diagnostic;
        private int omitted;
    }

    private void walk(Part part, Body body) throws MessagingException, IOException {
        if (part.isMimeType("multipart/*")) {
            Object content = part.getContent();
            if (!(content instanceof Multipart multipart)) {
                throw new MessagingException("multipart without a readable structure");
            }
            boolean alternative = part.isMimeType("multipart/alternative");
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                // Of alternatives, text/plain and text/html are enough; others (calendar, amp) are skipped.
                if (alternative && !child.isMimeType("text/plain") && !child.isMimeType("text/html")
                        && !child.isMimeType("multipart/*")) {
                    continue;
                }
                walk(child, body);
            }
        } else if (part.isMimeType("message/delivery-status")) {
            body.diagnostic = diagnostic(read(part, body));
        } else if (part.isMimeType("text/rfc822-headers") || part.isMimeType("message/rfc822")
                && !(part instanceof Message)) {
            body.originalIds.addAll(originalIds(part));
            if (part.isMimeType("message/rfc822")) {
                attach(part, body);
            }
        } else if (isAttachment(part)) {
            attach(part, body);
        } else if (part.isMimeType("text/html")) {
            body.html.append(read(part, body));
        } else {
            append(body.text, read(part, body));
        }
    }

    private static boolean isAttachment(Part part) throws MessagingException {
        return Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition()) || part.getFileName() != null
                || !(part.isMimeType("text/plain") || part.isMimeType("text/html"));
    }

    private void attach(Part part, Body body) throws MessagingException, IOException {
        if (body.attachments.size() >= MAX_ATTACHMENTS) {
            body.metadata.put("attachmentsOmitted", String.valueOf(++body.omitted));
            return;
        }
        MessageDigest sha256 = sha256();
        long size = 0;
        try (InputStream in = new DigestInputStream(part.getInputStream(), sha256)) {
            byte[] buffer = new byte[8192];
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                size += n;
            }
        }
        String name = decoded(part.getFileName());
        if (name == null || name.isBlank()) {
            name = "attachment-" + (body.attachments.size() + 1);
        }
        body.attachments.add(new AttachmentMetadata(name, baseType(part), size,
                HexFormat.of().formatHex(sha256.digest()), null));
    }

    /** Decoded with the part's charset; an unknown or broken one falls back to UTF-8 and is noted. */
    private static String read(Part part, Body body) throws MessagingException, IOException {
        byte[] bytes;
        try (InputStream in = part.getInputStream()) {
            bytes = in.readAllBytes();
        }
        String declared = charsetOf(part);
        Charset charset = StandardCharsets.UTF_8;
        if (declared != null) {
            try {
                charset = Charset.forName(MimeUtility.javaCharset(declared));
            } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                body.metadata.put("unknownCharset", declared);
            }
        }
        CharsetDecoder decoder = charset.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        return decoder.decode(ByteBuffer.wrap(bytes)).toString();
    }

    private static String charsetOf(Part part) {
        try {
            return new ContentType(part.getContentType()).getParameter("charset");
        } catch (MessagingException | RuntimeException e) {
            return null;
        }
    }

    private static String baseType(Part part) {
        try {
            return new ContentType(part.getContentType()).getBaseType().toLowerCase(Locale.ROOT);
        } catch (MessagingException | RuntimeException e) {
            return "application/octet-stream";
        }
    }

    private static Participant sender(MimeMessage message) throws MessagingException, MalformedEmailException {
        Address[] from = message.getFrom();
        if (from == null || from.length == 0 || !(from[0] instanceof InternetAddress address)
                || address.getAddress() == null || address.getAddress().isBlank()) {
            throw new MalformedEmailException("the message has no From address", null);
        }
        String name = address.getPersonal();
        return new Participant(address.getAddress().trim(), name == null || name.isBlank() ? null : name.trim());
    }

    private static List<Participant> recipients(MimeMessage message) throws MessagingException {
        List<Participant> recipients = new ArrayList<>();
        for (Message.RecipientType type : List.of(Message.RecipientType.TO, Message.RecipientType.CC)) {
            Address[] addresses;
            try {
                addresses = message.getRecipients(type);
            } catch (MessagingException e) {
                continue;
            }
            if (addresses == null) {
                continue;
            }
            for (Address address : addresses) {
                if (address instanceof InternetAddress internet && internet.getAddress() != null) {
                    recipients.add(new Participant(internet.getAddress(), internet.getPersonal()));
                }
            }
        }
        return recipients.size() > 100 ? recipients.subList(0, 100) : recipients;
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (MessagingException e) {
            return null;
        }
    }

    private static String messageId(MimeMessage message, byte[] raw) throws MessagingException {
        List<String> ids = ids(message.getMessageID());
        return ids.isEmpty() ? "sha256:" + HexFormat.of().formatHex(sha256().digest(raw)) : ids.get(0);
    }

    private static List<String> originalIds(Part part) throws MessagingException, IOException {
        try (InputStream in = part.getInputStream()) {
            String id = new InternetHeaders(in).getHeader("Message-ID", null);
            return ids(id);
        }
    }

    private static String diagnostic(String report) {
        StringBuilder found = new StringBuilder();
        for (String line : report.split("\\r?\\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("status:") || lower.startsWith("diagnostic-code:") || lower.startsWith("action:")) {
                found.append(found.isEmpty() ? "" : "; ").append(line.strip());
            }
        }
        return found.isEmpty() ? null : found.toString();
    }

    static List<String> ids(String header) {
        List<String> ids = new ArrayList<>();
        if (header != null) {
            Matcher matcher = MESSAGE_ID.matcher(header);
            while (matcher.find() && ids.size() < 100) {
                ids.add(matcher.group());
            }
        }
        return ids;
    }

    private static String header(MimeMessage message, String name) throws MessagingException {
        return message.getHeader(name, " ");
    }

    private static String decoded(String value) {
        if (value == null) {
            return null;
        }
        try {
            return MimeUtility.decodeText(value);
        } catch (java.io.UnsupportedEncodingException | RuntimeException e) {
            return value;
        }
    }

    private static void append(StringBuilder text, String more) {
        if (!text.isEmpty() && !more.isBlank()) {
            text.append("\n\n");
        }
        text.append(more);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties lenient() {
        Properties properties = new Properties();
        properties.setProperty("mail.mime.address.strict", "false");
        properties.setProperty("mail.mime.decodetext.strict", "false");
        properties.setProperty("mail.mime.decodefilename", "true");
        properties.setProperty("mail.mime.parameters.strict", "false");
        properties.setProperty("mail.mime.base64.ignoreerrors", "true");
        properties.setProperty("mail.mime.uudecode.ignoreerrors", "true");
        properties.setProperty("mail.mime.multipart.ignoremissingendboundary", "true");
        return properties;
    }
}
