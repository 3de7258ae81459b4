package dev.oscilla.cli;

import dev.oscilla.io.SpectrumFormats;
import dev.oscilla.io.SpectrumReadOptions;
import dev.oscilla.io.SpectrumReadOptions.DecimalMark;
import dev.oscilla.io.SpectrumReadOptions.ValueScale;
import dev.oscilla.spectrum.AxisUnit;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/**
 * The reading options that concern a file's layout, axis and scale (every option but the quantity). Their names are
 * the ones the readers' error messages ask for, e.g. {@code --x-unit um}.
 */
class SpectrumAxisArgs {

    @Option(names = {"--x-unit", "--axis-unit"}, paramLabel = "UNIT",
            description = "Unit of the spectrum file's axis: cm-1, um or nm (default: as the file says, or cm^-1"
                    + " when every value lies in 100-10000).")
    String axisUnit;

    @Option(names = "--scale", paramLabel = "SCALE",
            description = "Values are a fraction or percent (default: as the file says, else from the values).")
    String scale;

    @Option(names = "--format", paramLabel = "FORMAT",
            description = "Read the file as this format instead of detecting it: envi, jcamp, rruff, aster, usgs,"
                    + " relab, asu, rows (one spectrum per row) or csv (one per column).")
    String format;

    @Option(names = "--axis-file", paramLabel = "FILE",
            description = "File holding the axis of a values-only spectrum (USGS splib07: its wavelengths file,"
                    + " found beside the spectrum by default; an ENVI cube without wavelengths).")
    Path axisFile;

    @Option(names = "--axis-column", paramLabel = "COLUMN",
            description = "The axis column of a delimited file, by 1-based number or header name (default: 1).")
    String axisColumn;

    @Option(names = "--columns", paramLabel = "COLUMN", split = ",",
            description = "Spectrum columns to read, by 1-based number or header name (default: all but the axis).")
    List<String> columns;

    @Option(names = "--delimiter", paramLabel = "DELIM",
            description = "Field delimiter: comma, semicolon, tab, space (runs of whitespace) or one character"
                    + " (default: detected).")
    String delimiter;

    @Option(names = "--decimal-comma", description = "Numbers use a decimal comma (default: detected).")
    boolean decimalComma;

    @Option(names = "--decimal-point", description = "Numbers use a decimal point (default: detected).")
    boolean decimalPoint;

    /** True when any option was given. */
    boolean anyGiven() {
        return axisUnit != null || scale != null || format != null || axisFile != null || axisColumn != null
                || (columns != null && !columns.isEmpty()) || delimiter != null || decimalComma || decimalPoint;
    }

    SpectrumReadOptions toOptions() {
        SpectrumReadOptions.Builder b = SpectrumReadOptions.builder();
        if (axisUnit != null) {
            try {
                b.axisUnit(AxisUnit.parse(axisUnit));
            } catch (IllegalArgumentException e) {
                throw new UserException("--x-unit: " + e.getMessage());
            }
        }
        if (scale != null) {
            switch (scale.trim().toLowerCase(Locale.ROOT)) {
                case "fraction":
                    b.valueScale(ValueScale.FRACTION);
                    break;
                case "percent":
                case "%":
                    b.valueScale(ValueScale.PERCENT);
                    break;
                default:
                    throw new UserException("--scale must be fraction or percent, got '" + scale + "'");
            }
        }
        if (format != null) {
            if (SpectrumFormats.byId(format).isEmpty()) {
                throw new UserException("--format must be one of " + String.join(", ", SpectrumFormats.ids())
                        + ", got '" + format + "'");
            }
            b.format(format);
        }
        b.axisFile(axisFile);
        b.axisColumn(axisColumn);
        if (columns != null) {
            try {
                b.spectrumColumns(columns);
            } catch (IllegalArgumentException e) {
                throw new UserException("--columns: " + e.getMessage());
            }
        }
        if (delimiter != null) {
            b.delimiter(parseDelimiter(delimiter));
        }
        if (decimalComma && decimalPoint) {
            throw new UserException("give either --decimal-comma or --decimal-point, not both");
        }
        b.decimalMark(decimalComma ? DecimalMark.COMMA : decimalPoint ? DecimalMark.POINT : DecimalMark.AUTO);
        return b.build();
    }

    private static char parseDelimiter(String text) {
        String t = text.toLowerCase(Locale.ROOT);
        switch (t) {
            case "comma":
            case ",":
                return ',';
            case "semicolon":
            case ";":
                return ';';
            case "tab":
            case "\\t":
            case "\t":
                return '\t';
            case "space":
            case "whitespace":
            case " ":
                return ' ';
            default:
                if (text.length() != 1) {
                    throw new UserException("--delimiter must be comma, semicolon, tab, space or one character, got '"
                            + text + "'");
                }
                try {
                    SpectrumReadOptions.builder().delimiter(text.charAt(0));
                } catch (IllegalArgumentException e) {
                    throw new UserException("--delimiter: " + e.getMessage());
                }
                return text.charAt(0);
        }
    }
}
