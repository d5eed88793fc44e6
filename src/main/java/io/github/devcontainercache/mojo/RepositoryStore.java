package io.github.devcontainercache.mojo;

import io.github.devcontainercache.archive.Compression;
import io.github.devcontainercache.archive.keyed.KeyedStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.RepositorySystemSession;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.deployment.DeployRequest;
import org.eclipse.aether.deployment.DeploymentException;
import org.eclipse.aether.metadata.DefaultMetadata;
import org.eclipse.aether.metadata.Metadata;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.RepositoryPolicy;
import org.eclipse.aether.resolution.ArtifactRequest;
import org.eclipse.aether.resolution.ArtifactResolutionException;
import org.eclipse.aether.resolution.MetadataRequest;
import org.eclipse.aether.resolution.MetadataResult;
import org.eclipse.aether.transfer.ArtifactNotFoundException;
import org.eclipse.aether.transfer.MetadataNotFoundException;

/**
 * Keyed archives in a Maven repository, through Maven's own resolver and the user's settings.xml (mirrors, servers,
 * credentials, proxies): the cache of volume V of project G:A is the artifact {@code G:A-cache-V}, each key a version
 * of it, of type {@code tar.zst}. The keys are the versions the repository's own {@code maven-metadata.xml} lists,
 * in the order they were deployed; a save is a deploy, a restore a resolution into a local repository of its own,
 * so that no archive lands in the user's.
 */
final class RepositoryStore implements KeyedStore {

    private static final Pattern VERSION = Pattern.compile("<version>\\s*([^<\\s]+)\\s*</version>");
    private static final String TYPE = Compression.ZSTD.artifactType();

    private final RepositorySystem system;
    private final RepositorySystemSession session;
    private final RemoteRepository deployTo;
    private final List<RemoteRepository> resolveFrom;
    /** The repository, mirrored, for reads: whether a key is there costs one request, its checksum none. */
    private final RemoteRepository keysFrom;
    private final String groupId;
    private final String artifactId;

    RepositoryStore(RepositorySystem system, RepositorySystemSession session, String id, String url, String groupId,
            String projectArtifactId, Path scratch) {
        this.system = system;
        DefaultRepositorySystemSession own = new DefaultRepositorySystemSession(session);
        // the repository's metadata as it is now, never a copy cached by an earlier build
        own.setUpdatePolicy(RepositoryPolicy.UPDATE_POLICY_ALWAYS);
        own.setLocalRepositoryManager(system.newLocalRepositoryManager(own, new LocalRepository(scratch.toFile())));
        this.session = own;
        RemoteRepository plain = new RemoteRepository.Builder(id, "default", url).build();
        // deploys go where they are told, with that server's credentials and the proxy for its host; mirrors serve reads
        this.deployTo = new RemoteRepository.Builder(plain)
                .setAuthentication(session.getAuthenticationSelector().getAuthentication(plain))
                .setProxy(session.getProxySelector().getProxy(plain))
                .build();
        // The repository's SHA-1 and MD5 files are not fetched nor computed (3 s a GB on one core): an archive carries
        // the SHA-256 of every file it holds, and restore verifies them all before it writes anything.
        RemoteRepository mirrored = system.newResolutionRepositories(own, List.of(plain)).get(0);
        this.keysFrom = new RemoteRepository.Builder(mirrored)
                .setPolicy(new RepositoryPolicy(true, RepositoryPolicy.UPDATE_POLICY_ALWAYS,
                        RepositoryPolicy.CHECKSUM_POLICY_IGNORE))
                .build();
        this.resolveFrom = List.of(keysFrom);
        this.groupId = groupId;
        this.artifactId = projectArtifactId + "-cache-";
    }

    @Override
    public String describe() {
        return deployTo.getId() + " (" + deployTo.getUrl() + ")";
    }

    private String artifactId(String volume) {
        return artifactId + volume;
    }

    @Override
    public boolean has(String volume, String key) throws IOException {
        return versions(volume).contains(key);
    }

    @Override
    public List<Stored> keys(String volume) throws IOException {
        List<Stored> keys = new ArrayList<>();
        for (String version : versions(volume)) {
            keys.add(new Stored(version, null));
        }
        // the metadata lists versions in the order they were deployed
        Collections.reverse(keys);
        return keys;
    }

    /** The versions the repository's maven-metadata.xml of the volume's artifact lists; none when it has none. */
    private List<String> versions(String volume) throws IOException {
        MetadataRequest request = new MetadataRequest(new DefaultMetadata(groupId, artifactId(volume),
                "maven-metadata.xml", Metadata.Nature.RELEASE), keysFrom, null);
        MetadataResult result = system.resolveMetadata(session, List.of(request)).get(0);
        if (result.getException() != null && !(result.getException() instanceof MetadataNotFoundException)) {
            throw new IOException(result.getException().getMessage(), result.getException());
        }
        if (!result.isResolved()) {
            return List.of(); // no key saved yet
        }
        String xml = Files.readString(result.getMetadata().getFile().toPath());
        List<String> versions = new ArrayList<>();
        Matcher matcher = VERSION.matcher(xml.substring(Math.max(0, xml.indexOf("<versions>"))));
        while (matcher.find()) {
            versions.add(matcher.group(1));
        }
        return versions;
    }

    @Override
    public boolean put(String volume, String key, Path archive) throws IOException {
        if (has(volume, key)) {
            return false;
        }
        Artifact artifact = new DefaultArtifact(groupId, artifactId(volume), "", TYPE, key).setFile(archive.toFile());
        WebDavFolders.create(session, deployTo, (groupId.replace('.', '/') + "/" + artifactId(volume) + "/" + key));
        DeployRequest request = new DeployRequest().setRepository(deployTo).addArtifact(artifact);
        try {
            system.deploy(session, request);
            return true;
        } catch (DeploymentException e) {
            // a repository that refuses to replace a release refuses the second of two saves of one key
            if (has(volume, key)) {
                return false;
            }
            throw new IOException(e.getMessage(), e);
        }
    }

    @Override
    public Optional<Path> fetch(String volume, String key) throws IOException {
        ArtifactRequest request = new ArtifactRequest(
                new DefaultArtifact(groupId, artifactId(volume), "", TYPE, key), resolveFrom, null);
        try {
            return Optional.of(system.resolveArtifact(session, request).getArtifact().getFile().toPath());
        } catch (ArtifactResolutionException e) {
            if (e.getResult().getExceptions().stream().allMatch(ArtifactNotFoundException.class::isInstance)) {
                return Optional.empty();
            }
            throw new IOException(e.getMessage(), e);
        }
    }
}
