/**
 * ENVI files: headers, spectral libraries and image cubes.
 *
 * <ul>
 *   <li>{@link dev.oscilla.io.envi.EnviHeader}: parse ({@code read}, {@code parse}, {@code looksLikeHeader}) and
 *       build/format headers per ENVI's header rules.</li>
 *   <li>{@link dev.oscilla.io.envi.EnviLibrary}: spectral libraries ({@code .sli} + {@code .hdr}):
 *       {@code isLibrary(path)}, {@code read(path)} into a {@link dev.oscilla.spectrum.SpectrumSet} (cm^-1,
 *       ascending, missing values masked, reader notes), {@code write(path, set[, options])}.</li>
 *   <li>{@link dev.oscilla.io.envi.EnviCube}: image cubes (BSQ/BIL/BIP, data types 1-5 and 12-15, either byte
 *       order, header offset, ignore value, bad-band list, gains) memory-mapped: {@code open(path[, options])}, then
 *       {@code readLines}/{@code readRegion} (tiles), {@code pixel}/{@code spectrum}, {@code readChannelImage}.</li>
 *   <li>{@link dev.oscilla.io.envi.EnviCubeWriter}: float32/float64/byte BSQ cubes with band names, written in
 *       pieces from several threads, committed atomically.</li>
 *   <li>{@link dev.oscilla.io.envi.AxisFile}: the spectral axis of a cube whose header has none.</li>
 * </ul>
 */
package dev.oscilla.io.envi;
