package cn.cdsw.tallybot.platform.onebot;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;

import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import org.junit.jupiter.api.Test;

/**
 * The non-blocking body read, driven as a container drives it: bytes arrive in pieces,
 * {@code isReady()} turns false between them, and {@code onAllDataRead} or
 * {@code onError} ends the read.
 */
class OneBotBodyReaderTests {

    private final List<String> outcomes = new ArrayList<>();

    private final OneBotBodyReader.Receiver receiver = new OneBotBodyReader.Receiver() {
        @Override
        public void body(byte[] body) {
            outcomes.add("body " + new String(body, StandardCharsets.UTF_8));
        }

        @Override
        public void tooLarge() {
            outcomes.add("too large");
        }

        @Override
        public void failed(boolean timedOut) {
            outcomes.add(timedOut ? "timed out" : "broken off");
        }
    };

    @Test
    void collectsABodyThatArrivesInPieces() throws IOException {
        Pieces in = new Pieces("{\"post_", "type\":", "\"meta_event\"}");
        OneBotBodyReader reader = new OneBotBodyReader(in, 100, receiver);

        while (in.arrive()) {
            reader.onDataAvailable();
        }
        reader.onAllDataRead();

        assertThat(outcomes).containsExactly("body {\"post_type\":\"meta_event\"}");
    }

    @Test
    void takesABodyOfExactlyTheLimit() throws IOException {
        Pieces in = new Pieces("12345", "67890");
        OneBotBodyReader reader = new OneBotBodyReader(in, 10, receiver);

        while (in.arrive()) {
            reader.onDataAvailable();
        }
        reader.onAllDataRead();

        assertThat(outcomes).containsExactly("body 1234567890");
    }

    @Test
    void stopsReadingAtTheFirstByteBeyondTheLimit() throws IOException {
        Pieces in = new Pieces("12345", "678901", "more that is never read");
        OneBotBodyReader reader = new OneBotBodyReader(in, 10, receiver);

        in.arrive();
        reader.onDataAvailable();
        in.arrive();
        reader.onDataAvailable();
        reader.onAllDataRead();

        assertThat(outcomes).containsExactly("too large");
        assertThat(in.unread()).isEqualTo(1);
    }

    @Test
    void tellsABrokenOffBodyFromATimedOutOne() {
        new OneBotBodyReader(new Pieces(), 10, receiver).onError(new IOException("connection reset"));
        new OneBotBodyReader(new Pieces(), 10, receiver).onError(new SocketTimeoutException());

        assertThat(outcomes).containsExactly("broken off", "timed out");
    }

    @Test
    void reportsOnlyTheFirstOutcome() throws IOException {
        Pieces in = new Pieces("12345678901");
        OneBotBodyReader reader = new OneBotBodyReader(in, 10, receiver);

        in.arrive();
        reader.onDataAvailable();
        reader.onError(new IOException("closed after the answer"));
        reader.onAllDataRead();

        assertThat(outcomes).containsExactly("too large");
    }

    /**
     * A request stream whose pieces arrive one at a time; between them there is nothing
     * to read.
     */
    private static final class Pieces extends ServletInputStream {

        private final Deque<byte[]> pending = new ArrayDeque<>();

        private byte[] current = new byte[0];

        private int position;

        Pieces(String... pieces) {
            Arrays.stream(pieces).map(p -> p.getBytes(StandardCharsets.UTF_8)).forEach(pending::add);
        }

        /** The next piece arrives; false when there is none. */
        boolean arrive() {
            if (pending.isEmpty()) {
                return false;
            }
            current = pending.poll();
            position = 0;
            return true;
        }

        int unread() {
            return pending.size();
        }

        @Override
        public boolean isReady() {
            return position < current.length;
        }

        @Override
        public boolean isFinished() {
            return pending.isEmpty() && position == current.length;
        }

        @Override
        public void setReadListener(ReadListener listener) {
            throw new UnsupportedOperationException("the test calls the reader itself");
        }

        @Override
        public int read() {
            return isReady() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (!isReady()) {
                return isFinished() ? -1 : 0;
            }
            int count = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, count);
            position += count;
            return count;
        }

    }

}
