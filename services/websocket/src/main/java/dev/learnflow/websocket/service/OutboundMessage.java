package dev.learnflow.websocket.service;

/**
 * A message encoded once as JSON, shared by every socket and the replay buffer.
 *
 * @param bytes     UTF-8 size of {@code json}, what the send-queue and replay bounds count
 * @param atMillis  when this replica received it (the replay window is measured from here)
 */
public record OutboundMessage(String id, String type, String json, long bytes, long atMillis) {

    public static long utf8Length(String text) {
        long n = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                n++;
            } else if (c < 0x800) {
                n += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                n += 4;
                i++;
            } else {
                n += 3;
            }
        }
        return n;
    }
}
