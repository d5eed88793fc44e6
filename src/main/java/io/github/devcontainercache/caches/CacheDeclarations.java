package io.github.devcontainercache.caches;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Turns what users wrote into checked declarations: validates each {@link CacheSpec}, merges the sources by
 * volume name (a source listed earlier wins, field by field), and applies the selection. Every problem is
 * collected before failing, so one run shows them all.
 */
public final class CacheDeclarations {

    private CacheDeclarations() {}

    /**
     * @param sources the specs of each source, the most authoritative first (the pom, then discovered files)
     */
    public static List<CacheDeclaration> resolve(List<List<CacheSpec>> sources, CacheSelection selection)
            throws InvalidCachesException {
        List<String> problems = new ArrayList<>();
        Map<String, CacheDeclaration> merged = new LinkedHashMap<>();
        for (List<CacheSpec> source : sources) {
            Map<String, CacheDeclaration> fromThisSource = new LinkedHashMap<>();
            for (CacheSpec spec : source) {
                CacheDeclaration declaration = check(spec, problems);
                if (declaration == null) {
                    continue;
                }
                CacheDeclaration twin = fromThisSource.putIfAbsent(declaration.volume(), declaration);
                if (twin != null) {
                    problems.add(CacheMessages.declaredTwice(declaration.volume(), twin.origin(), declaration.origin()));
                    continue;
                }
                merged.merge(declaration.volume(), declaration, CacheDeclaration::overriding);
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidCachesException(problems);
        }
        return selection.apply(List.copyOf(merged.values()));
    }

    /** The checked declaration, or {@code null} after adding what is wrong with it to {@code problems}. */
    static CacheDeclaration check(CacheSpec spec, List<String> problems) {
        int before = problems.size();
        String volume = trimToNull(spec.volume());
        if (volume == null) {
            problems.add(CacheMessages.volumeMissing(spec.origin()));
        } else if (!VolumeNames.isValid(volume)) {
            problems.add(CacheMessages.invalidVolumeName(volume, spec.origin()));
        }
        // Later messages name the cache; one without a volume name is called what it is.
        String name = volume != null ? volume : CacheMessages.UNNAMED_CACHE;
        CacheKind kind = null;
        String kindText = trimToNull(spec.kind());
        if (kindText != null) {
            kind = CacheKind.fromId(kindText).orElse(null);
            if (kind == null) {
                problems.add(CacheMessages.unknownKind(kindText, name, spec.origin()));
            }
        }
        String target = trimToNull(spec.target());
        if (target != null && !target.startsWith("/")) {
            problems.add(CacheMessages.targetNotAbsolute(target, name, spec.origin()));
        }
        Long budget = null;
        String budgetText = trimToNull(spec.budget());
        if (budgetText != null) {
            OptionalLong bytes = ByteSize.parse(budgetText);
            if (bytes.isPresent()) {
                budget = bytes.getAsLong();
            } else {
                problems.add(CacheMessages.invalidBudget(budgetText, name, spec.origin()));
            }
        }
        Owner owner = null;
        String ownerText = trimToNull(spec.owner());
        if (ownerText != null) {
            owner = Owner.parse(ownerText).orElse(null);
            if (owner == null) {
                problems.add(CacheMessages.invalidOwner(ownerText, name, spec.origin()));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new CacheDeclaration(
                volume,
                kind,
                target,
                budget,
                owner,
                trimToNull(spec.driver()),
                spec.driverOpts(),
                trimToNull(spec.checksums()),
                spec.origin(),
                spec.compose());
    }

    private static String trimToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
