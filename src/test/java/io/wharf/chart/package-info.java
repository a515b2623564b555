/**
 * Tests of the Helm chart {@code helm/wharf}: rendered with embedded Helm, parsed as
 * Kubernetes objects, and the configuration it renders booted as the real service.
 */
@NullMarked
package io.wharf.chart;

import org.jspecify.annotations.NullMarked;
