package dev.oscilla.io;

import dev.oscilla.spectrum.AxisUnit;
import dev.oscilla.spectrum.SpectrumKind;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How to read a delimited spectrum file when detection is not wanted or not possible. Every setting is
 * optional; an unset one is detected from the file (and the detection is reported in the reader's notes).
 * Immutable; build with {@link #builder()}.
 *
 * <p>Formats with a fixed layout use only the settings that apply to them: the quantity ({@link #kind()}), the
 * axis unit and the value scale override what a header says (JCAMP-DX, ASTER, RELAB ...); the delimiter, decimal
 * mark and column selection concern delimited text. {@link #axisFile()} gives the axis of formats that keep it
 * in a separate file (USGS splib07), {@link #metaFile()} the meta half of an ASU tab + meta pair, and
 * {@link #format()} bypasses detection.
 */
public final class SpectrumReadOptions {

    /** How the values of a file are scaled. */
    public enum ValueScale {
        /** Values are fractions (emissivity 0.95). */
        FRACTION,
        /** Values are percent (emissivity 95); they are divided by 100 on reading. */
        PERCENT
    }

    /** Which character separates the integer and fractional part of numbers. */
    public enum DecimalMark {
        /** Detect from the cells: decimal commas when numbers use ',' and none uses '.'. */
        AUTO,
        /** Decimal point (1234.5). */
        POINT,
        /** Decimal comma (1234,5), common in European instrument exports. */
        COMMA
    }

    private static final SpectrumReadOptions DEFAULTS = new Builder().build();

    private final AxisUnit axisUnit;
    private final ValueScale valueScale;
    private final SpectrumKind kind;
    private final Character delimiter;
    private final DecimalMark decimalMark;
    private final String axisColumn;
    private final List<String> spectrumColumns;
    private final Path axisFile;
    private final Path metaFile;
    private final String format;

    private SpectrumReadOptions(Builder b) {
        this.axisUnit = b.axisUnit;
        this.valueScale = b.valueScale;
        this.kind = b.kind;
        this.delimiter = b.delimiter;
        this.decimalMark = b.decimalMark;
        this.axisColumn = b.axisColumn;
        this.spectrumColumns = List.copyOf(b.spectrumColumns);
        this.axisFile = b.axisFile;
        this.metaFile = b.metaFile;
        this.format = b.format;
    }

    /** Everything detected from the file. */
    public static SpectrumReadOptions defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder();
    }

    public Builder toBuilder() {
        Builder b = new Builder();
        b.axisUnit = axisUnit;
        b.valueScale = valueScale;
        b.kind = kind;
        b.delimiter = delimiter;
        b.decimalMark = decimalMark;
        b.axisColumn = axisColumn;
        b.spectrumColumns = spectrumColumns;
        b.axisFile = axisFile;
        b.metaFile = metaFile;
        b.format = format;
        return b;
    }

    /** The unit of the axis column when forced; empty to detect it. */
    public Optional<AxisUnit> axisUnit() {
        return Optional.ofNullable(axisUnit);
    }

    /** Fraction or percent when forced; empty to detect it. */
    public Optional<ValueScale> valueScale() {
        return Optional.ofNullable(valueScale);
    }

    /** The kind given to every spectrum when forced; empty to detect it from column headers. */
    public Optional<SpectrumKind> kind() {
        return Optional.ofNullable(kind);
    }

    /** The field delimiter when forced; empty to detect it (tab, semicolon, comma, else whitespace). */
    public Optional<Character> delimiter() {
        return Optional.ofNullable(delimiter);
    }

    public DecimalMark decimalMark() {
        return decimalMark;
    }

    /**
     * The axis column as a 1-based column number or a header name (case-insensitive); empty for the first
     * column.
     */
    public Optional<String> axisColumn() {
        return Optional.ofNullable(axisColumn);
    }

    /**
     * The spectrum columns to read, each a 1-based column number or a header name (case-insensitive), in the
     * order wanted; empty for every column except the axis.
     */
    public List<String> spectrumColumns() {
        return spectrumColumns;
    }

    /**
     * A file holding the spectral axis (one value per line, optionally after a title line), for formats that store
     * values only (USGS splib07); empty to look for it beside the file.
     */
    public Optional<Path> axisFile() {
        return Optional.ofNullable(axisFile);
    }

    /** The meta CSV of an ASU tab + meta pair when it is not named after the tab file; empty to find it. */
    public Optional<Path> metaFile() {
        return Optional.ofNullable(metaFile);
    }

    /** The id of the format to read the file as ({@link SpectrumFormats#ids()}); empty to detect it. */
    public Optional<String> format() {
        return Optional.ofNullable(format);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof SpectrumReadOptions)) {
            return false;
        }
        SpectrumReadOptions other = (SpectrumReadOptions) o;
        return axisUnit == other.axisUnit && valueScale == other.valueScale && kind == other.kind
                && Objects.equals(delimiter, other.delimiter) && decimalMark == other.decimalMark
                && Objects.equals(axisColumn, other.axisColumn) && spectrumColumns.equals(other.spectrumColumns)
                && Objects.equals(axisFile, other.axisFile) && Objects.equals(metaFile, other.metaFile)
                && Objects.equals(format, other.format);
    }

    @Override
    public int hashCode() {
        return Objects.hash(axisUnit, valueScale, kind, delimiter, decimalMark, axisColumn, spectrumColumns, axisFile,
                metaFile, format);
    }

    @Override
    public String toString() {
        return "SpectrumReadOptions[axisUnit=" + axisUnit + ", valueScale=" + valueScale + ", kind=" + kind
                + ", delimiter=" + (delimiter == null ? null : "'" + delimiter + "'") + ", decimalMark="
                + decimalMark + ", axisColumn=" + axisColumn + ", spectrumColumns=" + spectrumColumns + ", axisFile="
                + axisFile + ", metaFile=" + metaFile + ", format=" + format + "]";
    }

    /** Builder of {@link SpectrumReadOptions}; null for any setting means "detect". */
    public static final class Builder {
        private AxisUnit axisUnit;
        private ValueScale valueScale;
        private SpectrumKind kind;
        private Character delimiter;
        private DecimalMark decimalMark = DecimalMark.AUTO;
        private String axisColumn;
        private List<String> spectrumColumns = List.of();
        private Path axisFile;
        private Path metaFile;
        private String format;

        private Builder() {
        }

        public Builder axisUnit(AxisUnit value) {
            this.axisUnit = value;
            return this;
        }

        public Builder valueScale(ValueScale value) {
            this.valueScale = value;
            return this;
        }

        /** Forces the kind; {@link SpectrumKind#UNKNOWN} or null means "detect from headers". */
        public Builder kind(SpectrumKind value) {
            this.kind = value == SpectrumKind.UNKNOWN ? null : value;
            return this;
        }

        /**
         * Forces the delimiter. A space means "runs of whitespace"; a digit, '.', '-', '+' or a quote cannot
         * delimit numbers and is rejected.
         */
        public Builder delimiter(Character value) {
            if (value != null && (Character.isLetterOrDigit(value) || value == '.' || value == '-' || value == '+'
                    || value == '"' || value == '\n' || value == '\r')) {
                throw new IllegalArgumentException("'" + value + "' cannot separate numeric fields");
            }
            this.delimiter = value;
            return this;
        }

        public Builder decimalMark(DecimalMark value) {
            this.decimalMark = Objects.requireNonNull(value, "decimalMark");
            return this;
        }

        public Builder axisColumn(String value) {
            this.axisColumn = value == null || value.isBlank() ? null : value.trim();
            return this;
        }

        public Builder spectrumColumns(List<String> value) {
            for (String s : value) {
                if (s == null || s.isBlank()) {
                    throw new IllegalArgumentException("an empty column selector");
                }
            }
            this.spectrumColumns = List.copyOf(value);
            return this;
        }

        public Builder axisFile(Path value) {
            this.axisFile = value;
            return this;
        }

        public Builder metaFile(Path value) {
            this.metaFile = value;
            return this;
        }

        /** Forces the format by id; null or blank means "detect". */
        public Builder format(String value) {
            this.format = value == null || value.isBlank() ? null : value.trim().toLowerCase(java.util.Locale.ROOT);
            return this;
        }

        public SpectrumReadOptions build() {
            return new SpectrumReadOptions(this);
        }
    }
}
