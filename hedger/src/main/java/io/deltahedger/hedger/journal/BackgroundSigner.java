package io.deltahedger.hedger.journal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Signs chain heads on its own daemon thread so the journal's writer never waits for secp256k1 (about a millisecond
 * a signature on a loaded machine). One request at a time: the writer offers a head with {@link #offer}; when
 * {@link #ready()} it reads the result and {@link #release()}s the slot. The writer's side allocates nothing.
 *
 * <p>Threading: one writer thread calls every method but {@link #run}; the hand-off is ordered by the volatile
 * {@code state} (the writer fills the request before publishing REQUESTED; the signer fills the result before
 * publishing DONE).
 */
final class BackgroundSigner implements Runnable, AutoCloseable
{
    private static final int IDLE = 0;
    private static final int REQUESTED = 1;
    private static final int DONE = 2;

    private final ChainSigner signer;
    private final Thread thread;
    private final byte[] head = new byte[HashChain.HASH_LENGTH];
    private long coversSeq;
    private byte[] signature;
    private volatile int state = IDLE;
    private volatile boolean running = true;

    BackgroundSigner(final ChainSigner signer)
    {
        this.signer = signer;
        this.thread = new Thread(this, "journal-signer");
        thread.setDaemon(true);
        thread.start();
    }

    /** Asks for a signature of {@code chain}'s head after record {@code seq}; false if one is still being made. */
    boolean offer(final long seq, final HashChain chain)
    {
        if (state != IDLE)
        {
            return false;
        }
        chain.headInto(head, 0);
        coversSeq = seq;
        state = REQUESTED;
        LockSupport.unpark(thread);
        return true;
    }

    /** Whether a signature is waiting to be journaled. */
    boolean ready()
    {
        return state == DONE;
    }

    /** Whether a request is being signed. */
    boolean busy()
    {
        return state == REQUESTED;
    }

    long coversSeq()
    {
        return coversSeq;
    }

    byte[] head()
    {
        return head;
    }

    byte[] signature()
    {
        return signature;
    }

    void release()
    {
        signature = null;
        state = IDLE;
    }

    /** Waits up to {@code timeoutMs} for the pending request; true if none is pending any more. */
    boolean await(final long timeoutMs)
    {
        final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs);
        while (state == REQUESTED && System.nanoTime() < deadline)
        {
            LockSupport.parkNanos(100_000);
        }
        return state != REQUESTED;
    }

    @Override
    public void run()
    {
        while (running)
        {
            if (state == REQUESTED)
            {
                signature = signer.sign(head);
                state = DONE;
            }
            else
            {
                LockSupport.parkNanos(1_000_000);
            }
        }
    }

    @Override
    public void close()
    {
        running = false;
        LockSupport.unpark(thread);
        try
        {
            thread.join(5_000);
        }
        catch (final InterruptedException e)
        {
            Thread.currentThread().interrupt();
        }
    }
}
