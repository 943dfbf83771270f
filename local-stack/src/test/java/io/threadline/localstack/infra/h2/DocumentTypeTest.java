package io.threadline.localstack.infra.h2;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.bson.ObjectId;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class DocumentTypeTest {

    private final DocumentType type = new DocumentType();

    @Test
    void documentsComeBackWithTheirValuesAndTypes() {
        Document document = new Document("_id", "2026-11-23|c-1|TL-1001|17")
                .append("sequence", 17L).append("count", 3).append("rate", 0.25).append("open", true)
                .append("at", Instant.parse("2026-11-23T00:31:31.907Z")).append("ref", new ObjectId())
                .append("key", UUID.randomUUID()).append("none", null)
                .append("author", new Document("name", "Alice").append("tags", List.of("vip", "email")));

        Document read = roundTrip(document);

        assertThat(read).isEqualTo(document);
        assertThat(read.get("sequence")).isInstanceOf(Long.class);
        assertThat(read.get("count")).isInstanceOf(Integer.class);
    }

    @Test
    void aDocumentBsonCannotEncodeIsStoredTheDefaultWay() {
        Document document = new Document("_id", 1).append("when", new Date(5));

        assertThat(roundTrip(document)).isEqualTo(document);
    }

    @Test
    void documentsWrittenByTheDefaultTypeAreRead() {
        Document document = new Document("_id", "a").append("n", 2.0);
        WriteBuffer buffer = new WriteBuffer();
        new ObjectDataType().write(buffer, document);

        assertThat(type.read(buffer.getBuffer().flip())).isEqualTo(document);
    }

    @Test
    void aPageOfDocumentsReadsBackInOrder() {
        Document[] page = {new Document("_id", 1), new Document("_id", 2).append("x", "y"), new Document("_id", 3)};
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, page, page.length);

        Document[] read = type.createStorage(page.length);
        type.read(buffer.getBuffer().flip(), read, page.length);

        assertThat(read).containsExactly(page);
    }

    private Document roundTrip(Document document) {
        WriteBuffer buffer = new WriteBuffer();
        type.write(buffer, document);
        return type.read(buffer.getBuffer().flip());
    }
}
