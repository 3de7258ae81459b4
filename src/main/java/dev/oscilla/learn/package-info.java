/**
 * Inverse rendering (DESIGN.md section 3): a small 1-D convolutional network reads an emissivity spectrum and
 * predicts, in one pass, the abundance of every library mineral and every mineral's dispersion parameters; the
 * prediction is rendered through the dispersion model and the loss on the rendered spectrum trains the network end
 * to end. Written from scratch (no ML library): flat {@code double[]} tensors, one flat weight vector, per-thread
 * workspaces, forward and backward passes checked against finite differences.
 *
 * <h2>Pieces</h2>
 * <ul>
 *   <li>Layers: {@link dev.oscilla.learn.Conv1d}, {@link dev.oscilla.learn.MaxPool1d},
 *       {@link dev.oscilla.learn.Activation} (ReLU / leaky ReLU), {@link dev.oscilla.learn.Dense},
 *       {@link dev.oscilla.learn.Softmax}, the sigmoid-box {@link dev.oscilla.learn.ParameterHead}, and the physics
 *       layer {@link dev.oscilla.learn.MixtureRenderer}, whose backward pass is the dispersion model's analytic
 *       vector-Jacobian product ({@code DispersionEvaluator.evaluateWithGradient}).</li>
 *   <li>{@link dev.oscilla.learn.Architecture}: default {@link dev.oscilla.learn.Architecture#PUBLISHED}, the
 *       published baseline (convolutions 1->3->6->12->24, kernels 5, 4, 5, 4, two max-pools, two dense layers of
 *       150, per-mineral heads).</li>
 *   <li>{@link dev.oscilla.learn.EndmemberModels}: which library entries are rendered (all but blackbodies), the
 *       order of the outputs, the boxes the parameters are predicted in
 *       ({@link dev.oscilla.learn.EndmemberModels#PUBLISHED_IR_TOLERANCES} by default), mineral groups, fingerprints.
 *   </li>
 *   <li>Input: {@link dev.oscilla.learn.SpectrumEncoder}, {@code u = (1 - E) / RMS(1 - E)}. A blackbody fraction f
 *       turns E into {@code f + (1 - f) E}, which this normalisation removes exactly, so the network sees the shape
 *       the (blackbody-free) abundances determine; the fraction itself is solved in closed form by least squares
 *       in the loss and at inference.</li>
 *   <li>Loss: {@link dev.oscilla.learn.MixtureLoss}, {@code w_spec * contrast-normalised spectral MSE
 *       + w_abund * sum_i (x_i - t_i)^2 + w_group * sum_g (X_g - T_g)^2}, default weights 1, 1, 1: the group term
 *       is what the project scores; the per-mineral term separates minerals of one group; the spectral term is the
 *       physics (it trains the parameter heads and ties the abundances to the rendered spectrum).</li>
 *   <li>Data: {@link dev.oscilla.learn.SyntheticMixtures}, generated on the fly from seeds (1-6 minerals,
 *       parameters jittered in their boxes, blackbody up to 0.7, noise at contrast-to-noise 30-1000, optionally
 *       measured library spectra).</li>
 *   <li>Training: {@link dev.oscilla.learn.Trainer} with {@link dev.oscilla.learn.TrainingConfig}, Adam, cosine
 *       learning-rate decay, per-step progress ({@code ProgressListener}), per-epoch losses
 *       ({@link dev.oscilla.learn.TrainingListener}, {@link dev.oscilla.learn.EpochReport}), cancellation
 *       ({@code CancellationToken}).</li>
 *   <li>Use: {@link dev.oscilla.learn.InverseRenderModel} (immutable; versioned model file, bound to its library by
 *       fingerprint), {@link dev.oscilla.learn.InverseRenderPredictor} (one per thread) giving a
 *       {@link dev.oscilla.learn.Prediction} or an {@code UnmixResult}.</li>
 * </ul>
 *
 * <h2>Threads and determinism</h2>
 * Each optimiser step splits its batch into micro-batches (8 samples); each has its own gradient buffer and the
 * buffers are summed in micro-batch order, then Adam updates disjoint weight ranges in parallel. Every training
 * mixture is a pure function of its seed. So the trained weights depend on the seed and the configuration
 * (including the micro-batch size) but not on the number of threads: bit for bit the same on 1 or 16.
 *
 * <h2>Cost</h2>
 * The vector-Jacobian product of the dispersion model costs about seven plain evaluations, and a library has ~40
 * minerals, so during training only minerals with abundance at or above the activity threshold (0.02) are flexed;
 * the others are rendered from precomputed library spectra (their share of the mixture is below 2 %). At
 * inference the threshold is 0.01. Hot loops stage rows in zero-offset arrays, the form C2 vectorises (see
 * {@link dev.oscilla.learn.Kernels}).
 */
package dev.oscilla.learn;
