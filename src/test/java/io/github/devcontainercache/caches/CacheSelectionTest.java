package io.github.devcontainercache.caches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.Test;

class CacheSelectionTest {

    private static CacheDeclaration cache(String volume, CacheKind kind, String target) {
        return new CacheDeclaration(volume, kind, target, null, null, null, null, null, Origin.pom());
    }

    private static final CacheDeclaration A = cache("a", null, "/workspace/a");
    private static final CacheDeclaration PIP = cache("pip-cache", null, "/home/vscode/.cache/pip");
    private static final CacheDeclaration WHISPER = cache("models", null, "/root/.cache/whisper/");
    private static final CacheDeclaration DECLARED_WHISPER = cache("more-models", CacheKind.WHISPER, "/opt/m");
    private static final List<CacheDeclaration> DECLARED = List.of(A, PIP, WHISPER, DECLARED_WHISPER);

    @Test
    void selectsByNameAndByKindInDeclarationOrder() throws Exception {
        assertThat(CacheSelection.parse("whisper,a").apply(DECLARED)).containsExactly(A, WHISPER, DECLARED_WHISPER);
        assertThat(CacheSelection.parse("a,whisper").apply(DECLARED)).containsExactly(A, WHISPER, DECLARED_WHISPER);
    }

    @Test
    void kindSelectorIgnoresCaseButVolumeSelectorDoesNot() throws Exception {
        assertThat(CacheSelection.parse("PIP").apply(DECLARED)).containsExactly(PIP);
        assertThat(catchThrowableOfType(InvalidCachesException.class,
                        () -> CacheSelection.parse("Pip-Cache").apply(DECLARED)))
                .isNotNull();
    }

    @Test
    void emptyOrBlankSelectsAll() throws Exception {
        for (String only : new String[] {null, "", "  ", " , ,"}) {
            CacheSelection selection = CacheSelection.parse(only);
            assertThat(selection.selectsAll()).as("'%s' selects all", only).isTrue();
            assertThat(selection.apply(DECLARED)).isEqualTo(DECLARED);
            assertThat(selection).hasToString("all");
        }
        assertThat(CacheSelection.all().apply(List.of())).isEmpty();
    }

    @Test
    void parseTrimsSelectorsAndDropsEmptyOnes() {
        assertThat(CacheSelection.parse(" pip , ,models ,")).hasToString("pip,models");
    }

    @Test
    void everySelectorMatchingNothingIsReported() {
        InvalidCachesException e = catchThrowableOfType(InvalidCachesException.class,
                () -> CacheSelection.parse("pip,npm,nope").apply(List.of(PIP, WHISPER)));

        String declared = "the declared caches are pip-cache (pip), models (whisper).";
        assertThat(e.problems()).containsExactly(
                "devcontainer-cache.only names 'npm', which is neither a declared cache volume nor the kind of one; "
                        + declared + " Fix -Ddevcontainer-cache.only=... or <only>.",
                "devcontainer-cache.only names 'nope', which is neither a declared cache volume nor the kind of one; "
                        + declared + " Fix -Ddevcontainer-cache.only=... or <only>.");
    }

    @Test
    void selectorWithNothingDeclaredSaysSo() {
        InvalidCachesException e = catchThrowableOfType(InvalidCachesException.class,
                () -> CacheSelection.parse("pip").apply(List.of()));

        assertThat(e).hasMessage("devcontainer-cache.only names 'pip', which is neither a declared cache volume nor"
                + " the kind of one; no caches are declared. Fix -Ddevcontainer-cache.only=... or <only>.");
    }
}
