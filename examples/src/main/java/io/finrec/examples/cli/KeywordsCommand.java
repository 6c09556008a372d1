package io.finrec.examples.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.finrec.nlp.keywords.Keyword;
import io.finrec.nlp.keywords.KeywordExtractor;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** {@code finrec keywords}: financial keywords of each stdin line, as JSON lines. */
@Command(name = "keywords", mixinStandardHelpOptions = true,
        description = {"Extract financial keywords (products, life events, tickers, amounts, horizons, intents)",
            "from each stdin line; prints {text, keywords:[{category, canonical, surface, start, end}]} per line."})
public final class KeywordsCommand implements Callable<Integer> {
    @Override
    public Integer call() throws Exception {
        KeywordExtractor x = KeywordExtractor.builtIn();
        PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
        try { // lines answered before a bad line are still printed
            Utf8Lines.forEach(System.in, "stdin", Utf8Lines.NO_LIMIT, line -> {
                ObjectNode n = SentimentCommand.JSON.createObjectNode();
                n.put("text", line);
                ArrayNode ks = n.putArray("keywords");
                for (Keyword k : x.extract(line)) {
                    ks.addObject().put("category", k.category().id()).put("canonical", k.canonical())
                            .put("surface", k.surface()).put("start", k.start()).put("end", k.end());
                }
                out.println(n);
            });
        } finally {
            out.flush();
        }
        return 0;
    }
}
