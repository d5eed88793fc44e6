package io.github.devcontainercache.caches.discovery;

import static io.github.devcontainercache.caches.discovery.Workspace.composeCache;
import static io.github.devcontainercache.caches.discovery.Workspace.externalCache;
import static org.assertj.core.api.Assertions.assertThat;

import io.github.devcontainercache.caches.CacheSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compose-based configurations: the named volumes of the services the dev container starts, with the names compose
 * gives them and the project and key its labels carry.
 */
class ComposeDiscoveryTest {

    private static final String COMPOSE = ".devcontainer/docker-compose.yml";
    private static final String PROJECT = "myproj_devcontainer";

    @TempDir
    Path temp;

    private static String devcontainer(String composeFiles, String more) {
        return """
                {
                  "name": "app",
                  "dockerComposeFile": %s,
                  "service": "app",%s
                  "workspaceFolder": "/workspace"
                }
                """.formatted(composeFiles, more);
    }

    private static final String FULL_COMPOSE = """
            services:
              app:
                image: mcr.microsoft.com/devcontainers/base
                volumes:
                  - ..:/workspace:cached
                  - pip-cache:/home/vscode/.cache/pip
                  - m2:/root/.m2:rw
                  - type: volume
                    source: models
                    target: /opt/models
                  - type: bind
                    source: ./data
                    target: /data
                  - /var/lib/anonymous
                  - shared:/shared
                  - ext-legacy:/legacy
                  - named:/named
                  - type: tmpfs
                    target: /scratch
              db:
                image: postgres
                volumes:
                  - db-data:/var/lib/postgresql/data
            volumes:
              pip-cache:
              m2: {}
              models:
                driver: local
              shared:
                external: true
              ext-legacy:
                external:
                  name: legacy-real
              named:
                name: my-named-volume
              db-data:
            """;

    private Workspace fullWorkspace(String more) {
        return Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"docker-compose.yml\"", more))
                .file(COMPOSE, FULL_COMPOSE);
    }

    @Test
    void readsTheNamedVolumesOfEveryServiceWithoutRunServices() throws Exception {
        assertThat(fullWorkspace("").discover().caches()).containsExactly(
                composeCache(PROJECT + "_pip-cache", "/home/vscode/.cache/pip", COMPOSE + ":6", PROJECT, "pip-cache"),
                composeCache(PROJECT + "_m2", "/root/.m2", COMPOSE + ":7", PROJECT, "m2"),
                composeCache(PROJECT + "_models", "/opt/models", COMPOSE + ":9", PROJECT, "models"),
                externalCache("shared", "/shared", COMPOSE + ":15"),
                externalCache("legacy-real", "/legacy", COMPOSE + ":16"),
                composeCache("my-named-volume", "/named", COMPOSE + ":17", PROJECT, "named"),
                composeCache(PROJECT + "_db-data", "/var/lib/postgresql/data", COMPOSE + ":23", PROJECT, "db-data"));
    }

    @Test
    void runServicesLimitsTheServices() throws Exception {
        List<CacheSpec> caches = fullWorkspace("\n  \"runServices\": [],").discover().caches();

        assertThat(caches).extracting(CacheSpec::volume).containsExactly(
                PROJECT + "_pip-cache", PROJECT + "_m2", PROJECT + "_models", "shared", "legacy-real",
                "my-named-volume");
    }

    @Test
    void runServicesAddsToTheService() throws Exception {
        List<CacheSpec> caches = fullWorkspace("\n  \"runServices\": [\"db\"],").discover().caches();

        assertThat(caches).extracting(CacheSpec::volume).endsWith(PROJECT + "_db-data").hasSize(7);
    }

    @Test
    void runServicesNamingOnlyOthersStillIncludesTheService() throws Exception {
        Workspace workspace = Workspace.in(temp, "svc")
                .devcontainer(devcontainer("\"docker-compose.yml\"", "\n  \"runServices\": [\"cache\"],"))
                .file(COMPOSE, """
                        services:
                          app:
                            volumes: [app-data:/app]
                          cache:
                            volumes: [cache-data:/cache]
                          unused:
                            volumes: [unused-data:/unused]
                        """);

        assertThat(workspace.discover().caches()).extracting(CacheSpec::volume)
                .containsExactly("svc_devcontainer_app-data", "svc_devcontainer_cache-data");
    }

    @Test
    void composeFilesAsAListRelativeToTheDevcontainerJson() throws Exception {
        Workspace workspace = Workspace.in(temp, "Listed")
                .devcontainer(devcontainer("[\"../docker-compose.yml\", \"docker-compose.extend.yml\"]", ""))
                .file("docker-compose.yml", """
                        name: ignored-when-not-first-rule
                        services:
                          app:
                            volumes:
                              - base:/base
                              - overridden:/data
                        """)
                .file(".devcontainer/docker-compose.extend.yml", """
                        services:
                          app:
                            volumes:
                              - extra:/extra
                              - replacing:/data
                        """);

        // the project comes from the first file: no COMPOSE_PROJECT_NAME, no .env, so its name: wins
        String project = "ignored-when-not-first-rule";
        assertThat(workspace.discover().caches()).containsExactly(
                composeCache(project + "_base", "/base", "docker-compose.yml:5", project, "base"),
                composeCache(project + "_replacing", "/data", ".devcontainer/docker-compose.extend.yml:5",
                        project, "replacing"),
                composeCache(project + "_extra", "/extra", ".devcontainer/docker-compose.extend.yml:4",
                        project, "extra"));
    }

    @Test
    void crlfComposeFilesKeepTheirLines() throws Exception {
        Workspace workspace = Workspace.in(temp, "crlf")
                .devcontainer(devcontainer("\"docker-compose.yml\"", "").replace("\n", "\r\n"))
                .file(COMPOSE, """
                        # comment
                        services:
                          app:
                            volumes:

                              - data:/data
                        """.replace("\n", "\r\n"));

        assertThat(workspace.discover().caches()).containsExactly(
                composeCache("crlf_devcontainer_data", "/data", COMPOSE + ":6", "crlf_devcontainer", "data"));
    }

    @Test
    void externalAsTextAndExternalWithName() throws Exception {
        Workspace workspace = Workspace.in(temp, "ext")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, """
                        services:
                          app:
                            volumes:
                              - quoted:/q
                              - renamed:/r
                              - notexternal:/n
                        volumes:
                          quoted:
                            external: "true"
                          renamed:
                            external: true
                            name: the-real-one
                          notexternal:
                            external: false
                        """);

        assertThat(workspace.discover().caches()).containsExactly(
                externalCache("quoted", "/q", COMPOSE + ":4"),
                externalCache("the-real-one", "/r", COMPOSE + ":5"),
                composeCache("ext_devcontainer_notexternal", "/n", COMPOSE + ":6", "ext_devcontainer", "notexternal"));
    }

    @Test
    void interpolatesComposeVariables() throws Exception {
        Workspace workspace = Workspace.in(temp, "interp")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, """
                        services:
                          app:
                            volumes:
                              - ${CACHE_VOLUME:-fallback-cache}:/cache
                              - from-dotenv:${DOTENV_TARGET}
                              - type: volume
                                source: ${LONG_SOURCE-long-default}
                                target: ${LONG_TARGET:-/long}
                              - naming:/naming
                        volumes:
                          naming:
                            name: ${PREFIX:-p}-named
                        """)
                .file(".devcontainer/.env", """
                        # a comment
                        DOTENV_TARGET=/from/dotenv
                        export PREFIX="exported"

                        """);

        assertThat(workspace.discover().caches()).containsExactly(
                composeCache("interp_devcontainer_fallback-cache", "/cache", COMPOSE + ":4",
                        "interp_devcontainer", "fallback-cache"),
                composeCache("interp_devcontainer_from-dotenv", "/from/dotenv", COMPOSE + ":5",
                        "interp_devcontainer", "from-dotenv"),
                composeCache("interp_devcontainer_long-default", "/long", COMPOSE + ":7",
                        "interp_devcontainer", "long-default"),
                composeCache("exported-named", "/naming", COMPOSE + ":9", "interp_devcontainer", "naming"));

        assertThat(workspace.discover(Map.of("CACHE_VOLUME", "from-env", "PREFIX", "env"))
                        .caches())
                .extracting(CacheSpec::volume)
                .containsExactly("interp_devcontainer_from-env", "interp_devcontainer_from-dotenv",
                        "interp_devcontainer_long-default", "env-named");
    }

    // The project name.

    private static final String ONE_VOLUME = """
            services:
              app:
                volumes:
                  - data:/data
            """;

    private static String projectOf(Workspace workspace, Map<String, String> environment) throws Exception {
        List<CacheSpec> caches = workspace.discover(environment).caches();
        assertThat(caches).hasSize(1);
        CacheSpec cache = caches.get(0);
        assertThat(cache.volume()).isEqualTo(cache.compose().project() + "_data");
        assertThat(cache.compose().volume()).isEqualTo("data");
        return cache.compose().project();
    }

    @Test
    void theEnvironmentsProjectNameWins() throws Exception {
        Workspace workspace = Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, "name: from-name\n" + ONE_VOLUME)
                .file(".devcontainer/.env", "COMPOSE_PROJECT_NAME=from-dotenv\n");

        assertThat(projectOf(workspace, Map.of("COMPOSE_PROJECT_NAME", "From.Env Project"))).isEqualTo("fromenvproject");
    }

    @Test
    void thenTheDotEnvBesideTheComposeFile() throws Exception {
        Workspace workspace = Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, "name: from-name\n" + ONE_VOLUME)
                .file(".devcontainer/.env", "COMPOSE_PROJECT_NAME='From_DotEnv'\n")
                .file(".env", "COMPOSE_PROJECT_NAME=not-beside-the-compose-file\n");

        assertThat(projectOf(workspace, Map.of())).isEqualTo("from_dotenv");
    }

    @Test
    void thenTheTopLevelName() throws Exception {
        Workspace workspace = Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, "name: Named-Top\n" + ONE_VOLUME)
                .file(".devcontainer/.env", "OTHER=1\n");

        assertThat(projectOf(workspace, Map.of("COMPOSE_PROJECT_NAME", ""))).isEqualTo("named-top");
    }

    @Test
    void thenTheFolderAboveDevcontainer() throws Exception {
        Workspace workspace = Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"docker-compose.yml\"", ""))
                .file(COMPOSE, ONE_VOLUME);

        assertThat(projectOf(workspace, Map.of())).isEqualTo("myproj_devcontainer");
    }

    @Test
    void elseTheComposeFilesFolder() throws Exception {
        Workspace workspace = Workspace.in(temp, "My.Proj")
                .devcontainer(devcontainer("\"../Build Env/docker-compose.yml\"", ""))
                .file("Build Env/docker-compose.yml", ONE_VOLUME);

        assertThat(projectOf(workspace, Map.of())).isEqualTo("buildenv");
        assertThat(workspace.discover().caches().get(0).origin().description())
                .isEqualTo("Build Env/docker-compose.yml:4");
    }

    @Test
    void aComposeFileInTheWorkspaceTakesTheWorkspacesName() throws Exception {
        Workspace workspace = Workspace.in(temp, "Web_App-2")
                .file(".devcontainer.json", """
                        {"dockerComposeFile": "compose.yaml", "service": "app"}
                        """)
                .file("compose.yaml", ONE_VOLUME);

        assertThat(projectOf(workspace, Map.of())).isEqualTo("web_app-2");
    }

    @Test
    void normalizesProjectNames() {
        assertThat(ComposeFiles.normalize("My.Proj_devcontainer")).isEqualTo("myproj_devcontainer");
        assertThat(ComposeFiles.normalize("  Ünïcode Näme-1 ")).isEqualTo("ncodenme-1");
        assertThat(ComposeFiles.normalize(null)).isEmpty();
        assertThat(ComposeFiles.normalize("...")).isEmpty();
    }

    @Test
    void interpolatesLikeCompose() {
        Map<String, String> variables = Map.of("SET", "value", "EMPTY", "");

        assertThat(ComposeFiles.interpolate(null, variables)).isNull();
        assertThat(ComposeFiles.interpolate("plain $SET", variables)).isEqualTo("plain $SET");
        assertThat(ComposeFiles.interpolate("${SET}", variables)).isEqualTo("value");
        assertThat(ComposeFiles.interpolate("${UNSET}", variables)).isEmpty();
        assertThat(ComposeFiles.interpolate("${UNSET:-d}", variables)).isEqualTo("d");
        assertThat(ComposeFiles.interpolate("${EMPTY:-d}", variables)).isEqualTo("d");
        assertThat(ComposeFiles.interpolate("${EMPTY-d}", variables)).isEmpty();
        assertThat(ComposeFiles.interpolate("${UNSET-d}", variables)).isEqualTo("d");
        assertThat(ComposeFiles.interpolate("${SET:-d}", variables)).isEqualTo("value");
        assertThat(ComposeFiles.interpolate("${UNSET:?must be set}", variables)).isEmpty();
        assertThat(ComposeFiles.interpolate("a-${SET}-${UNSET:-x}-b", variables)).isEqualTo("a-value-x-b");
    }

    @Test
    void readsDotEnvFiles() {
        Workspace workspace = Workspace.in(temp, "env").file(".env", """
                # comment
                A=1
                 B = two words\s
                export C="quoted"
                D='single'
                NOEQUALS
                E=
                F=a=b
                """);

        assertThat(ComposeFiles.dotEnv(workspace.root)).containsExactly(
                Map.entry("A", "1"), Map.entry("B", "two words"), Map.entry("C", "quoted"),
                Map.entry("D", "single"), Map.entry("E", ""), Map.entry("F", "a=b"));
        assertThat(ComposeFiles.dotEnv(workspace.path("absent"))).isEmpty();
        assertThat(ComposeFiles.dotEnv(null)).isEmpty();
    }
}
