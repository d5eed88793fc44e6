package io.github.devcontainercache.engine;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.URI;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reaches an engine at an {@code ssh://[user@]host[:port][/socket]} address as the Docker CLI does: each connection
 * is an {@code ssh … -- host docker system dial-stdio} process of the system's own ssh client, which honours the
 * user's {@code ~/.ssh/config}, keys and agent. The HTTP transport connects to a unix socket in a folder of this
 * build's alone, and each connection it opens there is carried over an ssh process of its own. The first process
 * asks the engine for {@code /_ping} before the transport is built, so that a refused key, an unknown host key, a
 * host without docker or one that cannot be reached is named at once, from ssh's own words; that process then
 * carries the transport's first connection.
 */
final class SshDialer implements AutoCloseable {

    private final URI address;
    private final Path directory;
    private final Path socket;
    private final ServerSocketChannel server;
    private final List<Process> processes = new ArrayList<>();
    private SshProcess probed;
    private boolean closed;

    private SshDialer(URI address, Path directory, Path socket, ServerSocketChannel server, SshProcess probed) {
        this.address = address;
        this.directory = directory;
        this.socket = socket;
        this.server = server;
        this.probed = probed;
        processes.add(probed.process());
    }

    /** Whether the Docker CLI would take this {@code ssh://} address: a host, no password, no query; a plain path. */
    static boolean isUsable(URI uri) {
        return uri.getHost() != null
                && !uri.getHost().isEmpty()
                && !uri.getHost().startsWith("-")
                && (uri.getRawUserInfo() == null || !uri.getRawUserInfo().contains(":"))
                && uri.getRawQuery() == null
                && uri.getRawFragment() == null
                // the socket's path goes into the command line the remote shell runs: plain path characters only
                && (uri.getPath() == null || uri.getPath().matches("[A-Za-z0-9/._@+=,-]*"));
    }

    /** An address as it may be shown: the password of an {@code ssh://user:password@host} is never printed. */
    static String withoutPassword(String address) {
        return address.replaceFirst("^(ssh://[^/@:]*):[^@/]*@", "$1:***@");
    }

    /** The ssh command for one connection, as the Docker CLI builds it: the host after {@code --}. */
    static List<String> command(URI address, Duration connectTimeout) {
        List<String> command = new ArrayList<>(List.of(
                "ssh", "-o", "BatchMode=yes", "-o", "ConnectTimeout=" + Math.max(1, connectTimeout.toSeconds()), "-T"));
        if (address.getUserInfo() != null && !address.getUserInfo().isEmpty()) {
            command.addAll(List.of("-l", address.getUserInfo()));
        }
        if (address.getPort() >= 0) {
            command.addAll(List.of("-p", String.valueOf(address.getPort())));
        }
        command.addAll(List.of("--", address.getHost(), "docker"));
        String path = address.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            command.addAll(List.of("--host", "unix://" + path));
        }
        command.addAll(List.of("system", "dial-stdio"));
        return command;
    }

    /**
     * Starts the first ssh process and asks the engine behind it for {@code /_ping}; on success, listens on a
     * private unix socket for the transport's connections.
     *
     * @throws IOException with a message that says, from ssh's own words, why the engine cannot be reached
     */
    static SshDialer open(URI address, Duration connectTimeout) throws IOException {
        SshProcess first = SshProcess.start(address, connectTimeout);
        try {
            // ssh's connect timeout covers the connection only: authentication and the engine get as long again,
            // and more for a slow link
            first.ping(connectTimeout.multipliedBy(3).plusSeconds(5));
        } catch (IOException | RuntimeException e) {
            first.destroy();
            throw e;
        }
        Path directory = null;
        try {
            directory = privateDirectory();
            Path socket = directory.resolve("engine.sock");
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            SshDialer dialer = new SshDialer(address, directory, socket, server, first);
            Thread acceptor = new Thread(() -> dialer.accept(connectTimeout), "devcontainer-cache-ssh");
            acceptor.setDaemon(true);
            acceptor.start();
            return dialer;
        } catch (IOException | RuntimeException e) {
            first.destroy();
            deleteQuietly(directory);
            throw new IOException(EngineMessages.sshLocalSocket(e), e);
        }
    }

    /** The address the HTTP transport connects to. */
    URI localHost() {
        return EndpointDiscovery.unixUri(socket);
    }

    private void accept(Duration connectTimeout) {
        while (true) {
            SocketChannel connection;
            try {
                connection = server.accept();
            } catch (AsynchronousCloseException e) {
                return;
            } catch (IOException e) {
                return;
            }
            try {
                SshProcess tunnel = takeProbed();
                if (tunnel == null) {
                    tunnel = SshProcess.start(address, connectTimeout);
                    if (!register(tunnel.process())) {
                        tunnel.destroy();
                        closeQuietly(connection);
                        return;
                    }
                }
                tunnel.carry(connection);
            } catch (IOException | RuntimeException e) {
                // the transport sees its connection closed, and names the request that failed
                closeQuietly(connection);
            }
        }
    }

    private synchronized SshProcess takeProbed() {
        SshProcess tunnel = probed;
        probed = null;
        return tunnel;
    }

    private synchronized boolean register(Process process) {
        processes.removeIf(p -> !p.isAlive());
        if (!closed) {
            processes.add(process);
        }
        return !closed;
    }

    /** Takes no more connections, and removes the socket; those under way go on. */
    void stopListening() {
        closeQuietly(server);
        deleteQuietly(directory);
    }

    @Override
    public void close() {
        List<Process> running;
        synchronized (this) {
            closed = true;
            running = new ArrayList<>(processes);
            processes.clear();
        }
        stopListening();
        running.forEach(Process::destroy);
    }

    /** A folder only this user may enter, for the socket: another local user must not reach the remote engine. */
    private static Path privateDirectory() throws IOException {
        if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
            return Files.createTempDirectory(
                    "dcc-ssh-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        }
        return Files.createTempDirectory("dcc-ssh-");
    }

    private static void deleteQuietly(Path directory) {
        if (directory == null) {
            return;
        }
        try {
            Files.deleteIfExists(directory.resolve("engine.sock"));
            Files.deleteIfExists(directory);
        } catch (IOException e) {
            // a temporary folder of a few bytes; the system's cleaning of its temporary files takes it
        }
    }

    static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing on the way out
        }
    }
}
