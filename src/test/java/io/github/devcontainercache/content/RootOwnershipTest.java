package io.github.devcontainercache.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.Owner;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    void directoriesOwnedByWritesOneDirectoryEntryWithOwnerAndMode0755() throws IOException {
        byte[] tar = RootOwnership.directoriesOwnedBy(Map.of("vol", new Owner(1000, 1000)));

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
        byte[] tar = RootOwnership.directoriesOwnedBy(Map.of("vol", new Owner(1000, 1000)));

        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar))).contains(new Owner(1000, 1000));
    }

    @Test
    void largeIdsBeyondTheOctalHeaderFieldRoundTrip() throws IOException {
        byte[] tar = RootOwnership.directoriesOwnedBy(Map.of("vol", new Owner(3_000_000, 4_294_967_294L)));

        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar)))
                .contains(new Owner(3_000_000, 4_294_967_294L));
        assertThat(entries(tar)).singleElement().satisfies(entry -> {
            assertThat(entry.getName()).isEqualTo("vol/");
            assertThat(entry.getLongUserId()).isEqualTo(3_000_000);
            assertThat(entry.getLongGroupId()).isEqualTo(4_294_967_294L);
        });
    }

    @Test
    void oneEntryPerDirectoryInMapOrder() throws IOException {
        Map<String, Owner> owners = new LinkedHashMap<>();
        owners.put("pip", new Owner(1000, 1000));
        owners.put("models", new Owner(0, 0));

        byte[] tar = RootOwnership.directoriesOwnedBy(owners);

        assertThat(entries(tar))
                .extracting(TarArchiveEntry::getName, TarArchiveEntry::getLongUserId, TarArchiveEntry::getLongGroupId)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("pip/", 1000L, 1000L),
                        org.assertj.core.groups.Tuple.tuple("models/", 0L, 0L));
        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar))).contains(new Owner(1000, 1000));
    }

    @Test
    void emptyTarHasNoOwner() throws IOException {
        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(new byte[1024]))).isEmpty();
    }

    @Test
    void noDirectoriesGiveAnEmptyTar() throws IOException {
        byte[] tar = RootOwnership.directoriesOwnedBy(Map.of());

        assertThat(entries(tar)).isEmpty();
        assertThat(RootOwnership.readFirstEntryOwner(new ByteArrayInputStream(tar))).isEmpty();
    }
}
