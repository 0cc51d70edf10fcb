/**
 * The seam between the production launcher and the development runtime.
 *
 * <p>{@code launcher} depends on this package only; {@code dev-runtime} implements it and is never a dependency of
 * {@code launcher}. The interface cannot live in {@code launcher} itself: {@code dev-runtime} would then depend on
 * {@code launcher}, while {@code launcher}'s tests depend on {@code devkit}, which depends on {@code dev-runtime} —
 * a cycle Maven refuses. This module has no dependencies, so it adds nothing else to {@code lanyard.jar}.
 */
package edu.lanyard.devruntime.api;
