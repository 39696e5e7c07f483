package io.deltahedger.venues.deribit.client;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InboundFramesTest {
    private static void offer(final InboundFrames ring, final String text, final int generation) {
        final byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        final int offset = ring.claim(bytes.length);
        assertTrue(offset >= 0, "room for " + text);
        System.arraycopy(bytes, 0, ring.array(), offset, bytes.length);
        ring.publish(InboundFrames.Kind.TEXT, generation, bytes.length);
    }

    private static String take(final InboundFrames ring) {
        assertTrue(ring.peek());
        final String text = new String(ring.array(), ring.offset, ring.length, StandardCharsets.UTF_8);
        ring.release();
        return text;
    }

    @Test
    void framesComeOutInOrderAcrossTheWrapOfTheArray() {
        final InboundFrames ring = new InboundFrames(1024);
        final SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 2_000; i++) {
            final String text = "frame-" + i + "-" + "x".repeat(random.nextInt(300));
            offer(ring, text, i);
            assertEquals(text, take(ring));
            assertEquals(i, ring.generation);
        }
        assertFalse(ring.peek());
        assertEquals(0, ring.usedBytes());
    }

    @Test
    void aFullRingRefusesInsteadOfOverwriting() {
        final InboundFrames ring = new InboundFrames(1024);
        int accepted = 0;
        while (ring.claim(100) >= 0) {
            ring.publish(InboundFrames.Kind.TEXT, 0, 100);
            accepted++;
        }
        assertEquals(1024 / 128, accepted, "16-byte header + 100 bytes, 16-aligned");
        assertTrue(ring.peek());
        ring.release();
        assertTrue(ring.claim(100) >= 0, "room again once the consumer released a frame");
        assertEquals(-1, ring.claim(600), "a frame larger than half the ring is refused");
    }

    @Test
    void rejectsACapacityThatIsNotAPowerOfTwo() {
        final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new InboundFrames(3000));
        assertTrue(e.getMessage().contains("3000"));
    }

    @Test
    @Timeout(20)
    void producerAndConsumerThreadsHandOverEveryFrameIntact() throws Exception {
        final InboundFrames ring = new InboundFrames(4096);
        final int frames = 200_000;
        final Thread producer = new Thread(() -> {
            for (int i = 0; i < frames; i++) {
                final byte[] bytes = Integer.toString(i).getBytes(StandardCharsets.US_ASCII);
                int offset;
                while ((offset = ring.claim(bytes.length)) < 0) {
                    Thread.onSpinWait();
                }
                System.arraycopy(bytes, 0, ring.array(), offset, bytes.length);
                ring.publish(InboundFrames.Kind.TEXT, i, bytes.length);
            }
        });
        producer.start();
        for (int i = 0; i < frames; i++) {
            while (!ring.peek()) {
                Thread.onSpinWait();
            }
            assertEquals(i, ring.generation);
            assertEquals(Integer.toString(i), new String(ring.array(), ring.offset, ring.length, StandardCharsets.US_ASCII));
            ring.release();
        }
        producer.join();
    }
}
