package io.finrec.recsys.eval;

import io.finrec.api.recommend.RecommendedItem;
import io.finrec.api.recommend.Representations;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Maximal Marginal Relevance: greedily picks the candidate maximising
 * {@code lambda * relevance - (1 - lambda) * max cosine similarity to the items already picked}, where relevance is
 * the score min-max normalised over the candidates. {@code lambda = 1} keeps the original order; lower values trade
 * accuracy for diversity (and catalogue coverage, which {@link RankingEvaluator} reports). Similarity comes from
 * item representations (e.g. {@code HybridModel.itemRepresentations()}). Immutable and thread-safe.
 */
public final class MmrReranker implements Reranker {
    private final double lambda;
    private final Map<String, Integer> index;
    private final float[] unit;
    private final int dim;

    /** A re-ranker with trade-off {@code lambda} in [0, 1] over these item representations. */
    public MmrReranker(double lambda, Representations items) {
        if (!(lambda >= 0 && lambda <= 1)) throw new IllegalArgumentException("lambda: must be in [0, 1], was " + lambda);
        this.lambda = lambda;
        this.dim = items.dim();
        this.index = new HashMap<>();
        for (int i = 0; i < items.size(); i++) index.put(items.ids().get(i), i);
        float[] v = items.vectors();
        for (int i = 0; i < items.size(); i++) {
            double n = 0;
            for (int j = 0; j < dim; j++) n += (double) v[i * dim + j] * v[i * dim + j];
            double inv = n == 0 ? 0 : 1 / Math.sqrt(n);
            for (int j = 0; j < dim; j++) v[i * dim + j] *= (float) inv;
        }
        this.unit = v;
    }

    @Override
    public List<RecommendedItem> rerank(List<RecommendedItem> candidates, int k) {
        int n = candidates.size();
        int[] ord = new int[n];
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < n; c++) {
            Integer o = index.get(candidates.get(c).itemId());
            if (o == null) throw new IllegalArgumentException("candidates: item '" + candidates.get(c).itemId()
                    + "' has no representation");
            ord[c] = o;
            lo = Math.min(lo, candidates.get(c).score());
            hi = Math.max(hi, candidates.get(c).score());
        }
        double span = hi > lo ? hi - lo : 1;
        double[] maxSim = new double[n];
        java.util.Arrays.fill(maxSim, 0);
        boolean[] taken = new boolean[n];
        List<RecommendedItem> out = new ArrayList<>(Math.min(k, n));
        for (int step = 0; step < Math.min(k, n); step++) {
            int best = -1;
            double bestV = Double.NEGATIVE_INFINITY;
            for (int c = 0; c < n; c++) {
                if (taken[c]) continue;
                double rel = (candidates.get(c).score() - lo) / span;
                double v = lambda * rel - (1 - lambda) * (step == 0 ? 0 : maxSim[c]);
                if (v > bestV) {
                    bestV = v;
                    best = c;
                }
            }
            taken[best] = true;
            out.add(candidates.get(best));
            int b = ord[best];
            for (int c = 0; c < n; c++) {
                if (taken[c]) continue;
                double s = 0;
                int a = ord[c];
                for (int j = 0; j < dim; j++) s += unit[a * dim + j] * unit[b * dim + j];
                if (step == 0 || s > maxSim[c]) maxSim[c] = step == 0 ? s : Math.max(maxSim[c], s);
            }
        }
        return out;
    }
}
