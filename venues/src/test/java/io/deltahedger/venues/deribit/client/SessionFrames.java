package io.deltahedger.venues.deribit.client;

/**
 * Test and benchmark support: hands a frame to a session exactly as the Netty I/O thread does (claim room in the
 * ring, copy the bytes, publish), so the session's frame path can be measured without a socket.
 */
public final class SessionFrames {
    private SessionFrames() {
    }

    /** @return false if the session's ring is full (the I/O thread would then drop the connection) */
    public static boolean offerText(final DeribitSession session, final byte[] frame) {
        final InboundFrames inbound = session.inbound();
        final int offset = inbound.claim(frame.length);
        if (offset < 0) {
            return false;
        }
        System.arraycopy(frame, 0, inbound.array(), offset, frame.length);
        inbound.publish(InboundFrames.Kind.TEXT, 0, frame.length); // a never-started session is on generation 0
        return true;
    }
}
