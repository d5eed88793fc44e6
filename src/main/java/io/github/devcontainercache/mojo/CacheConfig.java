package io.github.devcontainercache.mojo;

import io.github.devcontainercache.caches.CacheSpec;
import io.github.devcontainercache.caches.Origin;
import java.util.Map;

/**
 * One {@code <cache>} of the plugin configuration, as Maven fills it in. Every field is optional but
 * {@code volume}; the values are checked when the goal runs, with messages that name the field.
 */
public class CacheConfig {

    /** The Docker volume name, such as {@code radio-pip-cache}. */
    private String volume;

    /** pip, whisper, huggingface, maven, npm, gradle or generic; inferred from {@code target} when absent. */
    private String kind;

    /** Where the dev container mounts the volume, such as {@code /home/vscode/.cache/pip}. */
    private String target;

    /** The size the cache should stay under, such as {@code 2GB} or {@code 500MiB}. */
    private String budget;

    /** The {@code uid:gid} that must own the volume's root directory, such as {@code 1000:1000}. */
    private String owner;

    /** The volume driver {@code create} uses; Docker's {@code local} by default. */
    private String driver;

    /** The driver options {@code create} uses, such as {@code <type>tmpfs</type>}. */
    private Map<String, String> driverOpts;

    /** A {@code sha256sum}-style file listing checksums of the cache's content. */
    private String checksums;

    /** The models and files {@code preload} puts in the cache. */
    private PreloadConfig preload;

    /**
     * The key {@code save} stores the cache under and {@code restore} looks for first, with expressions such as
     * {@code pip-${os}-${hashFiles:requirements.txt,uv.lock}}; by default one per kind.
     */
    private String key;

    /** The prefixes {@code restore} tries in order when the key is not stored, the newest match winning. */
    private java.util.List<String> restoreKeys;

    CacheSpec toSpec() {
        return new CacheSpec(volume, kind, target, budget, owner, driver, driverOpts, checksums, Origin.pom());
    }

    public void setVolume(String volume) {
        this.volume = volume;
    }

    public void setKind(String kind) {
        this.kind = kind;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public void setBudget(String budget) {
        this.budget = budget;
    }

    public void setOwner(String owner) {
        this.owner = owner;
    }

    public void setDriver(String driver) {
        this.driver = driver;
    }

    public void setDriverOpts(Map<String, String> driverOpts) {
        this.driverOpts = driverOpts;
    }

    public void setChecksums(String checksums) {
        this.checksums = checksums;
    }

    public void setPreload(PreloadConfig preload) {
        this.preload = preload;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public void setRestoreKeys(java.util.List<String> restoreKeys) {
        this.restoreKeys = restoreKeys;
    }

    String volume() {
        return volume;
    }

    String key() {
        return key;
    }

    java.util.List<String> restoreKeys() {
        return restoreKeys;
    }

    PreloadConfig preload() {
        return preload;
    }
}
