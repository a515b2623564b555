/**
 * Wharf as its own server rather than a library: the configuration the standalone server
 * loads for itself, and its fast start (Spring AOT's generated bean definitions, used
 * only while the configuration that decided them at build time still holds; the image's
 * AOT cache training run).
 */
@NullMarked
package io.wharf.server;

import org.jspecify.annotations.NullMarked;
