package io.github.devcontainercache.mojo;

import java.util.ArrayList;
import java.util.List;

/**
 * A {@code <preload>} of a {@code <cache>}: the models ({@code <model>whisper:base</model>},
 * {@code <model>hf:Systran/faster-whisper-base</model>}) and files ({@code <file>}) to put in it.
 */
public class PreloadConfig {

    private final List<String> models = new ArrayList<>();
    private final List<File> files = new ArrayList<>();

    /** One {@code <file>}: where to fetch it, its SHA-256, and its path in the cache. */
    public static class File {
        private String url;
        private String sha256;
        private String path;

        public void setUrl(String url) {
            this.url = url;
        }

        public void setSha256(String sha256) {
            this.sha256 = sha256;
        }

        public void setPath(String path) {
            this.path = path;
        }

        String url() {
            return url;
        }

        String sha256() {
            return sha256;
        }

        String path() {
            return path;
        }
    }

    /** Each {@code <model>} element adds one. */
    public void setModel(String model) {
        models.add(model);
    }

    /** Each {@code <file>} element adds one. */
    public void setFile(File file) {
        files.add(file);
    }

    List<String> models() {
        return models;
    }

    List<File> files() {
        return files;
    }
}
