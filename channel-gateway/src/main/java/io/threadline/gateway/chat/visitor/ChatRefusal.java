package io.threadline.gateway.chat.visitor;

/**
 * Why a visitor may not chat: answered as a problem on the handshake ({@code status}), or as the close reason of an
 * open socket ({@code closeCode}, in the 4000 range applications own).
 */
public class ChatRefusal extends RuntimeException {

    private final int status;
    private final String type;

    public ChatRefusal(int status, String type, String detail) {
        super(detail);
        this.status = status;
        this.type = type;
    }

    public static ChatRefusal unauthorized(String type, String detail) {
        return new ChatRefusal(401, type, detail);
    }

    public static ChatRefusal forbidden(String type, String detail) {
        return new ChatRefusal(403, type, detail);
    }

    public static ChatRefusal badRequest(String type, String detail) {
        return new ChatRefusal(400, type, detail);
    }

    public int status() {
        return status;
    }

    public String type() {
        return type;
    }

    /** 4401, 4403, 4400: the HTTP status in the application's close-code range. */
    public int closeCode() {
        return 4000 + status;
    }
}
