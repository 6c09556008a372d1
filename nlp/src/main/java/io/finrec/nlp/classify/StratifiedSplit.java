package io.finrec.nlp.classify;

import io.finrec.api.random.Seeds;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded, stratified train/validation split of labelled rows: each class gives {@code round(n_c × fraction)} of
 * its rows (keeping at least one for training) to validation. Immutable and thread-safe.
 *
 * @param train      row indices for training, ascending
 * @param validation row indices held out, ascending (empty when the fraction is 0)
 */
public record StratifiedSplit(int[] train, int[] validation) {
    /**
     * Splits rows by class.
     *
     * @param labels   class id of each row, in [0, classes)
     * @param classes  number of classes
     * @param fraction share held out, in [0, 1)
     * @param seed     random seed (the shuffle uses {@code Seeds.random(seed, "validation-split")})
     */
    public static StratifiedSplit of(int[] labels, int classes, double fraction, long seed) {
        if (!(fraction >= 0 && fraction < 1)) throw new IllegalArgumentException("fraction must be in [0, 1), was " + fraction);
        if (fraction == 0) {
            int[] all = new int[labels.length];
            for (int i = 0; i < all.length; i++) all[i] = i;
            return new StratifiedSplit(all, new int[0]);
        }
        List<Integer> tr = new ArrayList<>(), va = new ArrayList<>();
        SplittableRandom rnd = Seeds.random(seed, "validation-split");
        for (int c = 0; c < classes; c++) {
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < labels.length; i++) if (labels[i] == c) members.add(i);
            for (int i = members.size() - 1; i > 0; i--) {
                int j = rnd.nextInt(i + 1);
                Integer t = members.get(i);
                members.set(i, members.get(j));
                members.set(j, t);
            }
            int nv = (int) Math.round(members.size() * fraction);
            if (members.size() - nv < 1) nv = members.size() - 1;
            va.addAll(members.subList(0, Math.max(0, nv)));
            tr.addAll(members.subList(Math.max(0, nv), members.size()));
        }
        return new StratifiedSplit(tr.stream().mapToInt(Integer::intValue).sorted().toArray(),
                va.stream().mapToInt(Integer::intValue).sorted().toArray());
    }

    /** Fisher-Yates shuffle of {@code a} in place. */
    public static void shuffle(int[] a, SplittableRandom rnd) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
