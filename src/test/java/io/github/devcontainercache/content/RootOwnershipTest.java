package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;

class RootOwnershipTest {

    private static List<TarArchiveEntry> entries(byte[] tar) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream in = new TarArchiveInputStream(new ByteArrayInputStream(tar))) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.add(entry);
            }
        }
        return entries;
    }

    @Test
    void directoryOwnedByWritesOneDirectoryEntryWithOwnerAndMode0755() throws IOException {
        byte[] tar = RootOwnership.directoryOwnedBy("vol", new Owner(1000, 1000));

        assertThat(entries(tar)).singleElement().satisfies(entry -> {
            assertThat(entry.getName()).isEqualTo("vol/");
            assertThat(entry.isDirectory()).isTrue();
            assertThat(entry.getLongUserId()).isEqualTo(1000);
            assertThat(entry.getLongGroupId()).isEqualTo(1000);
            assertThat(entry.getMode() & 07777).isEqualTo(0755);
            assertThat(entry.getSize()).isZero();
        });
    }

    @Test
    void readFirstEntryOwnerReadsBackTheOwnerWritten() throws IOException {
        byte[] tar = RootOwnership.directoryOwnedBy("vol", new Owner(1000, 1000));

        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar))).contains(new Owner(1000, 1000));
    }

    @Test
    void largeIdsBeyondTheOctalHeaderFieldRoundTrip() throws IOException {
        byte[] tar = RootOwnership.directoryOwnedBy("vol", new Owner(3_000_000, 4_294_967_294L));

        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar)))
                .contains(new Owner(3_000_000, 4_294_967_294L));
        assertThat(entries(tar)).singleElement().satisfies(entry -> {
            assertThat(entry.getLongUserId()).isEqualTo(3_000_000);
            assertThat(entry.getLongGroupId()).isEqualTo(4_294_967_294L);
        });
    }

    @Test
    void emptyTarHasNoOwner() throws IOException {
        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(new byte[1024]))).isEmpty();
    }
}
