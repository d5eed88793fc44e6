package io.github.devcontainercache;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Which build this is, for what it leaves on the engine (helper containers) and on disk (an export's temporary
 * files): a later build removes those of a build that is gone, and only those. A pid names a process only within
 * its pid namespace, and builds in containers that share the host's network also share its host name: the host
 * here is the host name and the pid namespace together.
 */
public final class BuildIdentity {

    private BuildIdentity() {}

    /** This build's process id. */
    public static long pid() {
        return ProcessHandle.current().pid();
    }

    /** This host and pid namespace, as {@code name} or {@code name/pid:[4026531836]}; looked up once. */
    public static String host() {
        String host = BuildIdentity.host;
        if (host == null) {
            try {
                host = InetAddress.getLocalHost().getHostName();
            } catch (IOException e) {
                host = "unknown";
            }
            try {
                host += "/" + Files.readSymbolicLink(Path.of("/proc/self/ns/pid"));
            } catch (IOException | UnsupportedOperationException | SecurityException e) {
                // no /proc (macOS, Windows): one pid namespace per host
            }
            BuildIdentity.host = host;
        }
        return host;
    }

    /** Whether a process of this host and pid namespace with this pid still runs. */
    public static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    private static volatile String host;
}
