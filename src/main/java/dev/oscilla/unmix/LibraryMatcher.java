package dev.oscilla.unmix;

import dev.oscilla.spectrum.SpectrumSet;
import dev.oscilla.physics.DispersionEvaluator;
import dev.oscilla.physics.Mineral;
import dev.oscilla.physics.MineralLibrary;
import dev.oscilla.physics.Quantity;
import dev.oscilla.spectrum.Spectrum;
import dev.oscilla.spectrum.WavenumberWindow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Pairs the oscillator models of a parameter library (e.g. an InfraRender HDF file, whose group names are
 * truncated sample labels like "Actinolite [HS-116") with the entries of a measured spectral library (names and
 * mineral groups from its meta file), so each model gets the library's name and category.
 *
 * <p>A model is a candidate for an entry when their first words agree up to two typing errors ("Chorite" for
 * "Chlorite"); among candidates the pairing with the lowest emissivity RMS between the rendered model and the
 * measured spectrum wins (pairs are taken in order of increasing RMS, each model used once). Entries with no
 * candidate take the best remaining model by RMS alone.
 */
public final class LibraryMatcher {

    /** The paired library and, per entry, which model was used and its RMS against the measured spectrum. */
    public record Match(MineralLibrary library, List<String> sourceNames, double[] rms) {
    }

    private LibraryMatcher() {
    }

    public static Match match(SpectrumSet measured, MineralLibrary models, WavenumberWindow window) {
        int nLib = measured.size();
        int nMod = models.size();
        double[] axis = measured.get(0).window(window).axis();
        DispersionEvaluator evaluator = new DispersionEvaluator(axis);
        double[][] rendered = new double[nMod][axis.length];
        for (int k = 0; k < nMod; k++) {
            evaluator.evaluate(models.get(k), Quantity.EMISSIVITY, rendered[k]);
        }
        double[][] rms = new double[nLib][nMod];
        for (int i = 0; i < nLib; i++) {
            Spectrum s = measured.get(i).window(window);
            if (!s.sameAxis(axis)) {
                s = s.resample(axis);
            }
            for (int k = 0; k < nMod; k++) {
                double ss = 0;
                int n = 0;
                for (int c = 0; c < axis.length; c++) {
                    if (s.isValid(c) && s.value(c) != 0) {
                        double d = s.value(c) - rendered[k][c];
                        ss += d * d;
                        n++;
                    }
                }
                rms[i][k] = n == 0 ? Double.POSITIVE_INFINITY : Math.sqrt(ss / n);
            }
        }
        List<int[]> pairs = new ArrayList<>();
        for (int i = 0; i < nLib; i++) {
            for (int k = 0; k < nMod; k++) {
                if (compatible(measured.get(i).name(), models.get(k).name())) {
                    pairs.add(new int[] {i, k});
                }
            }
        }
        pairs.sort(Comparator.comparingDouble(p -> rms[p[0]][p[1]]));
        int[] chosen = new int[nLib];
        java.util.Arrays.fill(chosen, -1);
        boolean[] used = new boolean[nMod];
        for (int[] p : pairs) {
            if (chosen[p[0]] < 0 && !used[p[1]]) {
                chosen[p[0]] = p[1];
                used[p[1]] = true;
            }
        }
        for (int i = 0; i < nLib; i++) {
            if (chosen[i] >= 0) {
                continue;
            }
            int best = -1;
            for (int k = 0; k < nMod; k++) {
                if (!used[k] && (best < 0 || rms[i][k] < rms[i][best])) {
                    best = k;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("the parameter library has fewer models (" + nMod
                        + ") than the spectral library has entries (" + nLib + ")");
            }
            chosen[i] = best;
            used[best] = true;
        }
        List<Mineral> minerals = new ArrayList<>(nLib);
        List<String> sources = new ArrayList<>(nLib);
        double[] matchRms = new double[nLib];
        for (int i = 0; i < nLib; i++) {
            Mineral m = models.get(chosen[i]);
            sources.add(m.name());
            matchRms[i] = rms[i][chosen[i]];
            String source = m.source().isEmpty() ? "model '" + m.name() + "'" : m.source();
            minerals.add(m.withName(measured.get(i).name()).withCategory(measured.categories().get(i))
                    .withSource(source));
        }
        return new Match(new MineralLibrary(models.name(), models.description(), minerals), sources, matchRms);
    }

    /** First words equal up to two edits, ignoring case and punctuation. */
    static boolean compatible(String libraryName, String modelName) {
        String a = firstWord(libraryName);
        String b = firstWord(modelName);
        if (a.isEmpty() || b.isEmpty()) {
            return false;
        }
        return editDistance(a, b) <= (Math.min(a.length(), b.length()) >= 6 ? 2 : 0);
    }

    static String firstWord(String name) {
        String s = name.toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder();
        for (char ch : s.toCharArray()) {
            if (Character.isLetter(ch)) {
                sb.append(ch);
            } else if (sb.length() > 0) {
                break;
            }
        }
        return sb.toString();
    }

    private static int editDistance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int sub = prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                cur[j] = Math.min(sub, Math.min(prev[j] + 1, cur[j - 1] + 1));
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
