package dev.oscilla.io;

import dev.oscilla.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Seed inputs of the reader fuzz suite: the variants the format tests build, and the real files of
 * {@code ../shared/data/formats} (whole, and cut to their header and first rows so that a mutation run stays fast),
 * when that folder is present.
 */
final class FuzzSeeds {

    private FuzzSeeds() {
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** The real file's lines, or an empty list when the shared data are absent. */
    private static List<String> real(String file) {
        if (!SharedData.present()) {
            return List.of();
        }
        try {
            return TextFiles.splitLines(TextFiles.read(SharedData.formats(file)).content());
        } catch (SpectralFileException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] realBytes(String file) {
        try {
            return Files.readAllBytes(SharedData.formats(file));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String join(List<String> lines) {
        return String.join("\r\n", lines) + "\r\n";
    }

    static List<byte[]> jcamp() {
        List<byte[]> out = new ArrayList<>();
        String header = "##TITLE=example\n##JCAMP-DX=4.24\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n##XFACTOR=1.0\n"
                + "##YFACTOR=0.5\n##FIRSTX=1000\n##LASTX=1009\n##DELTAX=1.0\n##NPOINTS=10\n##XYDATA=(X++(Y..Y))\n";
        for (String data : List.of("1000 1 2 3 3 2 1 0 -1 -2 -3", "1000 1+2+3+3+2+1+0-1-2-3", "1000ABCCBA@abc",
                "1000AJJ%j\n1004Bjjjjj", "1000AJT%jX", "1000 ABCT BA@abc", "1000AJJ%j\n1005Ajjjj",
                "1000 1.0E0 2.0E+00 3 3 2 1 0 -1 -2 -3")) {
            out.add(bytes(header + data + "\n##END=\n"));
        }
        out.add(bytes("##TITLE=pairs\n##JCAMP-DX=5.01\n##XUNITS=MICROMETERS\n##YUNITS=%T\n##XYPOINTS=(XY..XY)\n"
                + "10, 50; 11, 60\n12,70 13, ?\n##END=\n"));
        out.add(bytes("##TITLE=peaks\n##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=ABSORBANCE\n"
                + "##PEAK TABLE=(XYW..XYW)\n1100, 0.7, 5\n1000, 0.5, 3 1200, 0.9, 8\n##END=\n"));
        out.add(bytes("##TITLE=compound\n##JCAMP-DX=5.01\n##DATA TYPE=LINK\n##BLOCKS=2\n##TITLE=first\n"
                + "##JCAMP-DX=5.01\n##XUNITS=1/CM\n##YUNITS=REFLECTANCE\n##FIRSTX=1000\n##LASTX=1003\n##NPOINTS=4\n"
                + "##XYDATA=(X++(Y..Y))\n1000 1 2 3 4\n##END=\n##TITLE=second\n##XUNITS=NANOMETERS\n"
                + "##YUNITS=EMISSIVITY\n##XYPOINTS=(XY..XY)\n10000, 0.5\n20000, 0.25\n##END=\n##END=\n"));
        out.add(bytes(JcampDxWriter.toText(List.of(new dev.oscilla.spectrum.Spectrum("written",
                dev.oscilla.spectrum.SpectrumKind.EMISSIVITY, new double[] {400, 402, 404, 406, 408, 410},
                new double[] {0.9, 0.9, 0.9, 0.91, 0.92, Double.NaN})), JcampDxFormat.Form.DIF_DUP, "t")));
        List<String> sbo = real("jcamp/SBO.jdx");
        if (!sbo.isEmpty()) {
            out.add(realBytes("jcamp/SBO.jdx"));
            List<String> cut = new ArrayList<>(sbo.subList(0, 45));
            cut.replaceAll(l -> l.startsWith("##NPOINTS") ? "##NPOINTS=140" : l.startsWith("##LASTX")
                    ? "##LASTX=" + (399.212341 + 139 * 1.928562) : l);
            cut.add("##END=");
            out.add(bytes(join(cut)));
        }
        return out;
    }

    static List<byte[]> aster() {
        List<byte[]> out = new ArrayList<>();
        String header = "Name: Albite NaAlSi3O8\r\nType: mineral\r\nDescription: collected in\r\n1995.\r\n"
                + "Measurement: Directional Hemispherical Reflectance\r\nX Units: Wavelength (micrometers)\r\n"
                + "Y Units: Reflectance (percent)\r\nFirst X Value: 15\r\nNumber of X Values: 3\r\n\r\n";
        out.add(bytes(header + "20.0\t5.0\r\n10.0 10.0\r\n5.0  20.0\r\n"));
        out.add(bytes(header.replace("micrometers", "nanometers").replace("Reflectance (percent)", "Emissivity")
                + "20000 0.95\n10000 0.9\n5000 0.97\n"));
        out.add(bytes(header.replace("Wavelength (micrometers)", "Wavenumber (cm-1)") + "500 5 1\n1000 10 2\n"));
        List<String> real = real("aster/jhu.nicolet.mineral.carbonate.none.coarse.calcit1.spectrum.txt");
        if (!real.isEmpty()) {
            out.add(bytes(join(real.subList(0, 60))));
            out.add(realBytes("aster/jhu.nicolet.mineral.carbonate.none.coarse.calcit1.spectrum.txt"));
        }
        return out;
    }

    /** USGS records of {@link #USGS_CHANNELS} values; their axis file is {@link #usgsAxis()}. */
    static final int USGS_CHANNELS = 30;

    static List<byte[]> usgs() {
        List<byte[]> out = new ArrayList<>();
        StringBuilder sb = new StringBuilder(" splib07a Record=1234: Quartz GDS31 ASDFRa AREF\r\n");
        for (int c = 0; c < USGS_CHANNELS; c++) {
            sb.append(String.format(Locale.ROOT, " %.7e%n", c == 7 ? -1.23e34 : 0.05 + 0.001 * c));
        }
        out.add(bytes(sb.toString()));
        List<String> real = real("usgs/splib07a_Brick_GDS355_Paving_Dk_Gry_ASDFRa_AREF.txt");
        if (!real.isEmpty()) {
            out.add(bytes(join(real.subList(0, USGS_CHANNELS + 1))));
        }
        return out;
    }

    /** The axis file of the USGS seeds: the first values of the real ASD wavelengths, else a generated axis. */
    static String usgsAxis() {
        List<String> real = real("usgs/s07_ASD_Wavelengths_ASD_0.35-2.5_microns_2151_ch.txt");
        if (!real.isEmpty()) {
            return join(real.subList(0, USGS_CHANNELS + 1));
        }
        StringBuilder sb = new StringBuilder(" s07_ASD Record=19: Wavelengths ASD 0.35-2.5 microns\n");
        for (int c = 0; c < USGS_CHANNELS; c++) {
            sb.append(String.format(Locale.ROOT, " %.7e%n", 0.35 + 0.001 * c));
        }
        return sb.toString();
    }

    static List<byte[]> relab() {
        List<byte[]> out = new ArrayList<>();
        out.add(bytes("  3\n 1000.0 0.10 0.001\n 2000.0 0.20 0.002\n 4000.0 0.40 0.001\n\n R.ASC\n sample id\n"));
        out.add(bytes("3\n2.5 0.1\n5 0.2\n10 0.3\n"));
        List<String> real = real("relab/bmr1ls101.tab");
        if (!real.isEmpty()) {
            List<String> cut = new ArrayList<>();
            cut.add("    40");
            cut.addAll(real.subList(1, 41));
            cut.addAll(real.subList(real.size() - 10, real.size()));
            out.add(bytes(join(cut)));
        }
        return out;
    }

    static List<byte[]> rruff() {
        List<byte[]> out = new ArrayList<>();
        out.add(bytes("##NAMES=Quartz\n##RRUFFID=R040031\n100.5, 12\n200.5, 40\n300, 20\n##END=\n"));
        out.add(bytes("##SAMPLE=x\n##OPERATOR=y\n400 0.9\n500 0.8\n"));
        List<String> real = real("rruff/Quartz__R040031-1__Infrared__Infrared_Data_Processed__348.txt");
        if (!real.isEmpty()) {
            List<String> cut = new ArrayList<>(real.subList(0, 50));
            cut.add("##END=");
            out.add(bytes(String.join("\n", cut) + "\n\n\n"));
        }
        return out;
    }

    static List<byte[]> rows() {
        return List.of(bytes("name,category,10,5,2.5\nquartz,silicate,90,80,70\ncalcite,carbonate,50,60,70\n"),
                bytes("wavelength_um,2.5,5,10\nquartz,0.7,0.8,0.9\n"), bytes("sample;400;500;600\nA;0,9;0,8;0,95\n"),
                bytes(",400,500,600\nA,0.9,0.8,0.95\nB,0.91,0.81,0.96\n"));
    }

    static List<byte[]> delimited() {
        List<byte[]> out = new ArrayList<>(List.of(
                bytes("wavelength (um);A;B\n5;90;80\n10;;81\n25;92;82\n"),
                bytes("Wellenlaenge (um);Emissivitaet\n10,5;96,1\n8,0;95,5\n12,0;97,0\n"),
                bytes("# kind: reflectance\n# scale: fraction\nwavenumber_cm-1,a,b\n400.0,0.1,0.2\n500.0,0.3,\n"),
                bytes("400\t0.9\t0.8\n402\t0.91\t0.81\n404\t0.92\t0.82\n"),
                bytes("\"cm-1\",\"x, y\"\n400,0.5\n500,0.6\n")));
        if (SharedData.present()) {
            try {
                List<String> tab = Files.readAllLines(SharedData.feely("library_tab.txt"));
                out.add(bytes(String.join("\n", tab.subList(100, 130)) + "\n"));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }

    /** ASU tab files of three samples (their meta file is {@link #asuMeta()}). */
    static List<byte[]> asuTab() {
        return List.of(bytes("400.0 0.95 0.90 0.8\n402.0 0.96 0.91 0.81\n404.0 0.97 0.92 0.82\n"),
                bytes("wavenumber a b c\n400.0 95 90 80\n402.0 96 91 81\n404.0 97 92 82\n"));
    }

    static String asuMeta() {
        return "sample_name,category,quartz,feldspar\nA,rock,0.5,0.5\nB,rock,,1\nC,invalid,0.2,0.3\n";
    }

    static List<byte[]> asuMetaSeeds() {
        List<byte[]> out = new ArrayList<>(List.of(bytes(asuMeta()),
                bytes("spec_id,sample_id,sample_name,group,type_subgroup,formula,category,locality,description\n"
                        + "101,2001,Albite,silicate,tecto,NaAlSi3O8,feldspar,\"Amelia, Virginia\",\"coarse,\ntwo\"\n"
                        + "102,2002,Calcite,carbonate,,CaCO3,calcite-dolomite,Mexico,\n")));
        if (SharedData.present()) {
            try {
                out.add(Files.readAllBytes(SharedData.feely("rocks_meta.csv")));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return out;
    }
}
