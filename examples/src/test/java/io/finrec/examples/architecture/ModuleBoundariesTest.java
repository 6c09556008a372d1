package io.finrec.examples.architecture;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Holds the module lines of the architecture without ArchUnit: scans the code (not the comments) of every Java source
 * file, main and test, of each module for references to packages it must not use. {@code recsys}, {@code nlp}, {@code vectorsearch} and
 * {@code strategy} never reference each other; {@code core} and {@code models-api} reference none of them, nor any
 * engine (DJL, EJML); nothing but the example app and the benchmarks references {@code io.finrec.examples}.
 */
class ModuleBoundariesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final List<String> CAPABILITIES = List.of("recsys", "nlp", "vectorsearch", "strategy");

    /** module directory -> regex of forbidden references. */
    private static final Map<String, String> FORBIDDEN = Map.of(
            "core", "io\\.finrec\\.(api|recsys|nlp|vectorsearch|strategy|examples|benchmarks)\\b|ai\\.djl\\b|org\\.ejml\\b",
            "models-api", "io\\.finrec\\.(recsys|nlp|vectorsearch|strategy|examples|benchmarks)\\b|ai\\.djl\\b|org\\.ejml\\b",
            "recsys", capability("recsys"),
            "nlp", capability("nlp"),
            "vectorsearch", capability("vectorsearch"),
            "strategy", capability("strategy"));

    private static String capability(String self) {
        List<String> others = new ArrayList<>();
        for (String c : CAPABILITIES) if (!c.equals(self)) others.add(c);
        others.add("examples");
        others.add("benchmarks");
        return "io\\.finrec\\.(" + String.join("|", others) + ")\\b";
    }

    @Test
    void modulesOnlyReferenceWhatTheyMayDependOn() throws IOException {
        List<String> violations = new ArrayList<>();
        int files = 0;
        for (Map.Entry<String, String> rule : FORBIDDEN.entrySet()) {
            Path src = ROOT.resolve(rule.getKey()).resolve("src");
            if (!Files.isDirectory(src)) continue;
            Pattern forbidden = Pattern.compile(rule.getValue());
            try (Stream<Path> paths = Files.walk(src)) {
                for (Path p : paths.filter(f -> f.toString().endsWith(".java")).toList()) {
                    files++;
                    List<String> lines = Files.readAllLines(p, StandardCharsets.UTF_8);
                    for (int i = 0; i < lines.size(); i++) {
                        String code = codeOf(lines.get(i));
                        Matcher m = forbidden.matcher(code);
                        if (m.find())
                            violations.add(ROOT.relativize(p) + ":" + (i + 1) + " references " + m.group());
                    }
                }
            }
        }
        assertTrue(files > 20, "scanned " + files + " files under " + ROOT);
        assertTrue(violations.isEmpty(), "module boundary violations:\n" + String.join("\n", violations));
    }

    /** The line without comments (javadoc and line comments may mention other modules; code may not). */
    private static String codeOf(String line) {
        String t = line.trim();
        if (t.startsWith("*") || t.startsWith("/*") || t.startsWith("//")) return "";
        int c = line.indexOf("//");
        return c >= 0 ? line.substring(0, c) : line;
    }

    @Test
    void capabilityPomsDoNotDependOnEachOther() throws IOException {
        List<String> violations = new ArrayList<>();
        for (String module : CAPABILITIES) {
            Path pom = ROOT.resolve(module).resolve("pom.xml");
            if (!Files.exists(pom)) continue;
            String text = Files.readString(pom);
            for (String other : CAPABILITIES)
                if (!other.equals(module) && text.contains("<artifactId>finrec-" + other + "</artifactId>"))
                    violations.add(module + "/pom.xml depends on finrec-" + other);
        }
        assertTrue(violations.isEmpty(), String.join("\n", violations));
    }
}
