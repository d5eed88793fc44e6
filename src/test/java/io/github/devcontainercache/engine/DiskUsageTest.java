package io.github.devcontainercache.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DiskUsageTest {

    private static final String BUSY = "The engine refused to read the volumes' disk usage: HTTP 500: " + DiskUsage.BUSY;

    @Test
    void anotherClientsDiskUsageIsWaitedFor() {
        AtomicInteger calls = new AtomicInteger();
        String answer = DiskUsage.whenFree(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new EngineException(BUSY, 500);
            }
            return "sizes";
        });
        assertThat(answer).isEqualTo("sizes");
        assertThat(calls).hasValue(3);
    }

    @Test
    void anyOtherRefusalIsThrownAtOnce() {
        AtomicInteger calls = new AtomicInteger();
        assertThatThrownBy(() -> DiskUsage.whenFree(() -> {
            calls.incrementAndGet();
            throw new EngineException("The engine refused to read the volumes' disk usage: HTTP 500: disk full", 500);
        })).hasMessageEndingWith("disk full");
        assertThat(calls).hasValue(1);
        assertThatThrownBy(() -> DiskUsage.whenFree(() -> {
            throw new EngineException(BUSY, 409);
        })).isInstanceOf(EngineException.class);
    }
}
