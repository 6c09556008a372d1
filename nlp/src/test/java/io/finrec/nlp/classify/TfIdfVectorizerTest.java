package io.finrec.nlp.classify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class TfIdfVectorizerTest {
    static final List<String> DOCS = List.of("$AAPL up 5% 🚀🚀 https://t.co/x", "@bob $aapl down 5%", "rocket 🚀 emoji \uD800 lone",
            "Fed holds rates", "fed cuts rates 🚀", "\uDC00 another lone surrogate 🚀");

    @Test
    void vectorsAreUnitBlocksAndSurviveSaveLoad() throws IOException {
        TfIdfVectorizer v = TfIdfVectorizer.fit(DOCS, new TfIdfVectorizer.Config(2, 2, 5, 1));
        SparseVector x = v.transform(DOCS.get(0), 0);
        double word = 0, chars = 0;
        for (int k = 0; k < x.size(); k++) {
            double sq = x.values()[k] * x.values()[k];
            if (x.indices()[k] < v.wordFeatures()) word += sq;
            else chars += sq;
        }
        assertEquals(1.0, word, 1e-5);
        assertEquals(1.0, chars, 1e-5);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        v.writePayload(new DataOutputStream(bytes));
        TfIdfVectorizer back = TfIdfVectorizer.readPayload(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())), null);
        assertEquals(v.dimension(), back.dimension());
        for (String d : DOCS) assertEquals(v.transform(d, 3), back.transform(d, 3));
        // cashtags and percentages are words; URLs and mentions are normalised
        assertTrue(TfIdfVectorizer.normalize("@Bob see https://x.y/z $AAPL").equals("@user see httpurl $aapl"));
    }
}
