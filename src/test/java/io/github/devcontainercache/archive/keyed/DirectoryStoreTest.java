package io.github.devcontainercache.archive.keyed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DirectoryStoreTest {

    @TempDir
    Path temp;

    private Path archive(String content) throws Exception {
        return Files.writeString(Files.createTempFile(temp, "archive", ".tar.zst"), content);
    }

    private void age(DirectoryStore store, String volume, String key, int minutesAgo) throws Exception {
        Files.setLastModifiedTime(store.archive(volume, key), FileTime.from(Instant.now().minusSeconds(60L * minutesAgo)));
    }

    @Test
    void storesUnderTheVolumeAndTheKeyAndNeverReplaces() throws Exception {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        assertThat(store.has("pip", "pip-a")).isFalse();

        assertThat(store.put("pip", "pip-a", archive("first"))).isTrue();
        assertThat(store.put("pip", "pip-a", archive("second"))).isFalse();

        assertThat(Files.readString(store.fetch("pip", "pip-a").orElseThrow())).isEqualTo("first");
        assertThat(temp.resolve("store/pip/pip-a.tar.zst")).exists();
        // no partial file is left beside it
        try (var files = Files.list(temp.resolve("store/pip"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("pip-a.tar.zst");
        }
        assertThat(store.fetch("pip", "pip-b")).isEmpty();
    }

    @Test
    void listsTheNewestFirstAndIgnoresPartialFiles() throws Exception {
        DirectoryStore store = new DirectoryStore(temp);
        for (String key : List.of("pip-1", "pip-2", "pip-3")) {
            store.put("v", key, archive(key));
        }
        age(store, "v", "pip-1", 30);
        age(store, "v", "pip-2", 10);
        age(store, "v", "pip-3", 20);
        Files.writeString(temp.resolve("v/.pip-4.partial-1-2"), "half");

        assertThat(store.keys("v")).extracting(KeyedStore.Stored::key).containsExactly("pip-2", "pip-3", "pip-1");
        assertThat(store.keys("other")).isEmpty();
    }

    @Test
    void ofManySavesOfOneKeyAtOnceOneWinsWhole() throws Exception {
        DirectoryStore store = new DirectoryStore(temp.resolve("store"));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> saves = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Path archive = archive(("content of save " + i + " ").repeat(10_000));
                saves.add(pool.submit((Callable<Boolean>) () -> store.put("v", "k", archive)));
            }
            int won = 0;
            for (Future<Boolean> save : saves) {
                won += save.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
        String stored = Files.readString(store.fetch("v", "k").orElseThrow());
        assertThat(stored).matches("(content of save \\d )+").hasSize(("content of save 0 ").length() * 10_000);
    }

    @Test
    void restoreTakesTheExactKeyElseTheNewestOfEachPrefixInTurn() throws Exception {
        DirectoryStore store = new DirectoryStore(temp);
        for (String key : List.of("pip-linux-aaa", "pip-linux-bbb", "pip-linux-ccc", "pip-mac-ddd")) {
            store.put("v", key, archive(key));
        }
        age(store, "v", "pip-linux-aaa", 30);
        age(store, "v", "pip-linux-bbb", 5);
        age(store, "v", "pip-linux-ccc", 20);
        age(store, "v", "pip-mac-ddd", 1);

        assertThat(Restore.match(store, "v", "pip-linux-ccc", List.of("pip-")))
                .isEqualTo(new Restore.Match(Restore.Hit.EXACT, java.util.Optional.of("pip-linux-ccc")));
        assertThat(Restore.match(store, "v", "pip-linux-zzz", List.of("pip-linux-", "pip-")))
                .isEqualTo(new Restore.Match(Restore.Hit.PARTIAL, java.util.Optional.of("pip-linux-bbb")));
        assertThat(Restore.match(store, "v", "pip-win-zzz", List.of("pip-win-", "pip-")))
                .isEqualTo(new Restore.Match(Restore.Hit.PARTIAL, java.util.Optional.of("pip-mac-ddd")));
        assertThat(Restore.match(store, "v", "npm-x", List.of("npm-")).hit()).isEqualTo(Restore.Hit.MISS);
        assertThat(Restore.match(store, "v", "pip-linux-zzz", List.of()).hit()).isEqualTo(Restore.Hit.MISS);
    }

    @Test
    void pruneKeepsTheNewestPerPrefixAndWhatNoPrefixMatches() throws Exception {
        List<KeyedStore.Stored> stored = new ArrayList<>();
        Instant now = Instant.now();
        for (String key : List.of("pip-5", "pip-4", "other-1", "pip-3", "pip-2", "pip-1")) {
            stored.add(new KeyedStore.Stored(key, now));
        }
        assertThat(Prune.expired(stored, List.of("pip-"), 2)).extracting(KeyedStore.Stored::key)
                .containsExactly("pip-3", "pip-2", "pip-1");
        assertThat(Prune.expired(stored, List.of("pip-", "pip-1"), 2)).extracting(KeyedStore.Stored::key)
                .containsExactly("pip-3", "pip-2");
        assertThat(Prune.expired(stored, List.of("pip-"), 0)).hasSize(5);
    }
}
