package io.finrec.recsys.data;

import io.finrec.api.recommend.FeatureMatrix;
import io.finrec.api.recommend.Interactions;
import io.finrec.core.io.DataFormatException;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Reads the MovieLens 100k files ({@code u.item}, {@code u.genre}, a {@code .base}/{@code .test} split) the way
 * LightFM's {@code fetch_movielens} does: users and items are every id in the split files and {@code u.item}
 * (ordered numerically), ratings below {@code minRating} are dropped, kept ratings become positive interactions
 * valued by the rating with weight 1, and genres become named item features {@code genre:<name>} of weight 1.
 * The data is not shipped with FinRec (research-use licence); pass the directory of your own copy.
 * Stateless and thread-safe.
 */
public final class MovieLens {
    private MovieLens() {}

    /**
     * A loaded split. Immutable and thread-safe.
     *
     * @param train  training interactions (every user and item declared)
     * @param test   test interactions over the same ids
     * @param genres item genre features
     */
    public record Split(Interactions train, Interactions test, FeatureMatrix genres) {}

    private record Rating(int user, int item, int rating, long time) {}

    /** Loads split {@code name} ("ua", "ub", "u1".."u5") from {@code dir}. */
    public static Split load(Path dir, String name, double minRating) throws IOException {
        if (!name.matches("u[ab1-5]"))
            throw new IllegalArgumentException("split: '" + name + "' is not one of ua, ub, u1..u5");
        if (!Double.isFinite(minRating)) throw new IllegalArgumentException("minRating: must be finite");
        List<Rating> base = ratings(dir.resolve(name + ".base"));
        List<Rating> test = ratings(dir.resolve(name + ".test"));
        Path itemFile = dir.resolve("u.item");
        Path genreFile = dir.resolve("u.genre");
        List<String> genres = new ArrayList<>();
        for (String[] f : lines(genreFile, '|')) {
            if (f.length != 2) throw new DataFormatException(genreFile.toString(), genres.size() + 1, 0, null,
                    "expected 'name|id'", null);
            genres.add(f[0]);
        }
        TreeSet<Integer> users = new TreeSet<>();
        TreeSet<Integer> items = new TreeSet<>();
        for (Rating r : base) { users.add(r.user); items.add(r.item); }
        for (Rating r : test) { users.add(r.user); items.add(r.item); }
        FeatureMatrix.Builder fb = FeatureMatrix.builder();
        for (String g : genres) fb.feature("genre:" + g);
        int row = 0;
        for (String[] f : lines(itemFile, '|')) {
            row++;
            if (f.length < 5 + genres.size())
                throw new DataFormatException(itemFile.toString(), row, row, null, "expected " + (5 + genres.size())
                        + " '|'-separated fields, found " + f.length, null);
            int id = parseInt(f[0], itemFile, row, "movie id");
            items.add(id);
            for (int g = 0; g < genres.size(); g++)
                if (!f[5 + g].equals("0")) fb.add(Integer.toString(id), "genre:" + genres.get(g), 1.0);
        }
        Interactions.Builder tb = Interactions.builder();
        Interactions.Builder sb = Interactions.builder();
        for (int u : users) { tb.user(Integer.toString(u)); sb.user(Integer.toString(u)); }
        for (int i : items) { tb.item(Integer.toString(i)); sb.item(Integer.toString(i)); }
        for (Rating r : base)
            if (r.rating >= minRating) tb.add(Integer.toString(r.user), Integer.toString(r.item), r.rating, 1.0, r.time);
        for (Rating r : test)
            if (r.rating >= minRating) sb.add(Integer.toString(r.user), Integer.toString(r.item), r.rating, 1.0, r.time);
        return new Split(tb.build(), sb.build(), fb.build());
    }

    private static List<Rating> ratings(Path file) throws IOException {
        List<Rating> out = new ArrayList<>();
        int row = 0;
        for (String[] f : lines(file, '\t')) {
            row++;
            if (f.length != 4)
                throw new DataFormatException(file.toString(), row, row, null,
                        "expected 4 tab-separated fields (user, item, rating, timestamp), found " + f.length, null);
            int u = parseInt(f[0], file, row, "user id");
            int i = parseInt(f[1], file, row, "item id");
            int r = parseInt(f[2], file, row, "rating");
            long t = parseInt(f[3], file, row, "timestamp");
            if (u < 1 || i < 1) throw new DataFormatException(file.toString(), row, row, u < 1 ? "user id" : "item id",
                    "ids must be >= 1", null);
            out.add(new Rating(u, i, r, t));
        }
        return out;
    }

    private static int parseInt(String s, Path file, int row, String field) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new DataFormatException(file.toString(), row, row, field, "'" + s + "' is not an integer", e);
        }
    }

    private static List<String[]> lines(Path file, char sep) throws IOException {
        if (!Files.isRegularFile(file)) throw new NoSuchFileException(file.toString(), null, "MovieLens file missing");
        List<String[]> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (line.isBlank()) continue;
                out.add(line.split(sep == '|' ? "\\|" : "\t", -1));
            }
        }
        return out;
    }
}
