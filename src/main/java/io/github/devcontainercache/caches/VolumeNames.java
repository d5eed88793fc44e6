package io.github.devcontainercache.caches;

import java.util.regex.Pattern;

/** Docker's rule for volume names. */
public final class VolumeNames {

    /** The pattern the Docker engine enforces for named volumes. */
    public static final String RULE = "[a-zA-Z0-9][a-zA-Z0-9_.-]+";

    private static final Pattern VALID = Pattern.compile(RULE);

    private VolumeNames() {}

    public static boolean isValid(String name) {
        return name != null && VALID.matcher(name).matches();
    }
}
